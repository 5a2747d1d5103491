package dev.xct.demo.k8s;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a deployment in the {@link InMemoryCluster}: {@code k8s.deployments.create}. The input
 * schema already rules out bad names and absurd replica counts, so the tool only has to report the
 * one thing the world can refuse: a deployment of that name exists ({@code ALREADY_EXISTS}).
 * Thread-safe.
 */
public final class DeploymentsCreateTool implements Tool {
  private static final ToolSpec SPEC =
      ToolSpec.builder("k8s.deployments.create")
          .description("Create a deployment running an image with a number of replicas.")
          .inputSchema(
              """
              {"type":"object","additionalProperties":false,"required":["name","image"],
               "properties":{
                 "name":{"type":"string","pattern":"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"},
                 "image":{"type":"string","minLength":1,"maxLength":200},
                 "replicas":{"type":"integer","minimum":1,"maximum":100}}}""")
          .build();

  private final InMemoryCluster cluster;

  /** Creates deployments in {@code cluster}. */
  public DeploymentsCreateTool(InMemoryCluster cluster) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    Args args = call.bind(Args.class);
    int replicas = args.replicas().orElse(1);
    Deployment deployment = new Deployment(args.name(), args.image(), replicas, replicas);
    if (!cluster.create(deployment)) {
      return Result.failure(
          "ALREADY_EXISTS",
          "deployment '" + args.name() + "' already exists; list the deployments to see it",
          Map.of("name", args.name()));
    }
    return Result.success(Map.of("created", deployment));
  }

  record Args(String name, String image, Optional<Integer> replicas) {}
}
