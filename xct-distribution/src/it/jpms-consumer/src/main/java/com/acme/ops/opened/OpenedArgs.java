package com.acme.ops.opened;

/**
 * Package-private, in a package open to Jackson and XCT: Jackson can construct it as arguments,
 * XCT can read it as a result.
 */
record OpenedArgs(String name) {}
