/**
 * XCT core: the protocol, the system-owned execution loop, validators and tool dispatch. Exports
 * only API packages; everything under {@code dev.xct.core.internal} is hidden.
 */
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
}
