package com.acme.ops.jacksononly;

/** Public, in a package exported to Jackson alone: Jackson can construct it. */
public record JacksonOnlyArgs(String name) {}
