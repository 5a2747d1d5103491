package com.acme.ops;

import dev.xct.core.tool.Description;

/** Arguments of {@code ops.scale}: public, in an exported package. */
public record ScaleArgs(
    @Description("the service to scale") String service,
    @Description("how many replicas it should run") int replicas) {}
