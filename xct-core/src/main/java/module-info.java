/**
 * XCT core: the protocol, the system-owned execution loop, validators and tool dispatch. Exports
 * only API packages; everything under {@code dev.xct.core.internal} is hidden, except the event
 * codec and the run engine's single-call invoker, which the Temporal module shares (qualified
 * exports) so that a durable run records and runs tools exactly as an in-process one.
 */
@SuppressWarnings("module") // xct-temporal is built after this module
module dev.xct.core {
  requires transitive tools.jackson.databind;
  requires transitive tools.jackson.core;
  requires transitive org.jspecify;
  requires com.networknt.schema;
  requires org.slf4j;

  exports dev.xct.core;
  exports dev.xct.core.context;
  exports dev.xct.core.event;
  exports dev.xct.core.journal;
  exports dev.xct.core.loop;
  exports dev.xct.core.protocol;
  exports dev.xct.core.tool;
  exports dev.xct.core.validate;
  // The journal's line format and the tool invoker, for durable runs on Temporal only.
  exports dev.xct.core.internal.event to
      dev.xct.temporal;
  exports dev.xct.core.internal.run to
      dev.xct.temporal;
}
