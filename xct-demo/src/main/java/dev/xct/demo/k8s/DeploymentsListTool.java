package dev.xct.demo.k8s;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.Map;
import java.util.Objects;

/**
 * Lists the deployments of the {@link InMemoryCluster}: {@code k8s.deployments.list}, read-only.
 * Thread-safe.
 */
public final class DeploymentsListTool implements Tool {
  private static final ToolSpec SPEC =
      ToolSpec.builder("k8s.deployments.list")
          .description("List every deployment with its image and ready replicas.")
          .inputSchema("{\"type\":\"object\",\"additionalProperties\":false}")
          .readOnly()
          .build();

  private final InMemoryCluster cluster;

  /** Lists the deployments of {@code cluster}. */
  public DeploymentsListTool(InMemoryCluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    return Result.success(Map.of("deployments", cluster.deployments()));
  }
}
