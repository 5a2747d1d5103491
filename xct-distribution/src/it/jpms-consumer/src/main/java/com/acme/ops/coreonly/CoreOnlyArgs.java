package com.acme.ops.coreonly;

/** Public, exported to dev.xct.core only: Jackson, which constructs it, cannot. */
public record CoreOnlyArgs(String name) {}
