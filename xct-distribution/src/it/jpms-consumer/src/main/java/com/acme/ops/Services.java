package com.acme.ops;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolHints;
import dev.xct.core.tool.Tools;
import dev.xct.core.tool.TypedTool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A tiny in-memory service registry and the typed tool that scales its services. */
public final class Services {
  private final Map<String, Integer> replicas = new ConcurrentHashMap<>();

  /** Returns the replicas of {@code service}, 0 if it was never scaled. */
  public int replicas(String service) {
    return replicas.getOrDefault(service, 0);
  }

  /** Returns the {@code ops.scale} tool. */
  public TypedTool<ScaleArgs> scaleTool() {
    return Tools.typed(
        "ops.scale",
        "Sets how many replicas a service runs",
        ToolHints.none().withIdempotent(true),
        ScaleArgs.class,
        (args, context) -> {
          replicas.put(args.service(), args.replicas());
          return Result.success(Map.of("service", args.service(), "replicas", args.replicas()));
        });
  }
}
