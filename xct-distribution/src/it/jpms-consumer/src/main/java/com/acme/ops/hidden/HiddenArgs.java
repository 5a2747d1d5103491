package com.acme.ops.hidden;

/** Public, but its package is neither exported nor open: Jackson cannot construct it. */
public record HiddenArgs(String name) {}
