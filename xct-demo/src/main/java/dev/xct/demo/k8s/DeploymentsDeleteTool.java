package dev.xct.demo.k8s;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes a deployment from the {@link InMemoryCluster}: {@code k8s.deployments.delete}. Marked
 * destructive, so a policy validator with an approver asks a person before it runs, and it previews
 * what would go so that the person sees it. Thread-safe.
 */
public final class DeploymentsDeleteTool implements Tool {
  private static final ToolSpec SPEC =
      ToolSpec.builder("k8s.deployments.delete")
          .description("Delete a deployment and all of its replicas.")
          .inputSchema(
              """
              {"type":"object","additionalProperties":false,"required":["name"],
               "properties":{"name":{"type":"string","minLength":1,"maxLength":63}}}""")
          .destructive()
          .build();

  private final InMemoryCluster cluster;

  /** Deletes deployments from {@code cluster}. */
  public DeploymentsDeleteTool(InMemoryCluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    String name = call.bind(Args.class).name();
    return cluster
        .delete(name)
        .<Result>map(gone -> Result.success(Map.of("deleted", gone)))
        .orElseGet(
            () ->
                Result.failure(
                    "NOT_FOUND", "no deployment named '" + name + "'", Map.of("name", name)));
  }

  @Override
  public Optional<JsonValue> preview(ToolCall call, ToolContext context) {
    String name = call.bind(Args.class).name();
    return Optional.of(
        cluster
            .find(name)
            .map(found -> JsonValue.from(Map.of("would_delete", found)))
            .orElseGet(() -> JsonValue.from(Map.of("not_found", name))));
  }

  record Args(String name) {}
}
