package dev.xct.demo.k8s;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reports the health of the {@link InMemoryCluster}: {@code k8s.cluster.status}, a read-only tool
 * without arguments. Thread-safe.
 */
public final class ClusterStatusTool implements Tool {
  private static final ToolSpec SPEC =
      ToolSpec.builder("k8s.cluster.status")
          .description("Report whether the control plane is up, the nodes and the add-ons.")
          .inputSchema("{\"type\":\"object\",\"additionalProperties\":false}")
          .readOnly()
          .build();

  private final InMemoryCluster cluster;

  /** Reports on {@code cluster}. */
  public ClusterStatusTool(InMemoryCluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    // An ordered map: results reach the model and the journal, which must read the same every run.
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("control_plane", "https://127.0.0.1:6443");
    status.put("nodes", 3);
    status.put("addons", List.of("coredns", "metrics-server"));
    status.put("deployments", cluster.deployments().size());
    return Result.success(status);
  }
}
