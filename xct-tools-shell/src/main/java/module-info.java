/**
 * Shell tools for XCT: allowlisted programs run from an argv, never through a shell. Exports only
 * {@code dev.xct.tools.shell}; the implementations in {@code dev.xct.tools.shell.internal} stay
 * hidden.
 */
module dev.xct.tools.shell {
  requires transitive dev.xct.core;
  requires transitive dev.xct.tools.fs;
  requires org.slf4j;

  exports dev.xct.tools.shell;
}
