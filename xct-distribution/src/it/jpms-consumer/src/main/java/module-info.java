/**
 * A user's module with typed tools. Each package shows one way of placing an argument record:
 * {@code com.acme.ops} is exported (its public records work), {@code com.acme.ops.opened} is open
 * to Jackson, which constructs argument records, and to XCT, which reads result records (any
 * record works), {@code com.acme.ops.jacksononly} is exported to Jackson alone (its public records
 * work), {@code com.acme.ops.coreonly} is exported to XCT but not to Jackson, and {@code com.acme.ops.hidden} is neither exported nor open (neither works).
 */
module com.acme.ops {
  requires dev.xct.core;
  requires dev.xct.tools.fs;

  exports com.acme.ops;
  exports com.acme.ops.coreonly to
      dev.xct.core;
  exports com.acme.ops.jacksononly to
      tools.jackson.databind;

  opens com.acme.ops.opened to
      tools.jackson.databind,
      dev.xct.core;
}
