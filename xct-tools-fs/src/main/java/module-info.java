/**
 * Filesystem tools for XCT, confined to configured roots. Exports only {@code dev.xct.tools.fs};
 * the implementations in {@code dev.xct.tools.fs.internal} are opened to Jackson alone, so that
 * tool arguments can bind to their records.
 */
module dev.xct.tools.fs {
  requires transitive dev.xct.core;
  requires org.jspecify;
  requires org.slf4j;

  exports dev.xct.tools.fs;

  opens dev.xct.tools.fs.internal to
      tools.jackson.databind;
}
