package dev.xct.demo.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class K8sToolsTest {
  private final InMemoryCluster cluster =
      InMemoryCluster.with(new Deployment("redis", "redis:7", 1, 1));
  private final ToolRegistry registry =
      ToolRegistry.builder().addAll(K8sTools.over(cluster)).build();

  private Result call(String tool, String arguments) {
    ToolContext context =
        new ToolContext("run", 1, Instant.MAX, CancellationToken.create(), Clock.systemUTC());
    return registry
        .find(tool)
        .orElseThrow()
        .execute(new ToolCall(tool, JsonValue.parse(arguments), ""), context);
  }

  @Test
  void registersFourToolsAndOnlyDeleteIsDestructive() {
    assertThat(registry.specs())
        .extracting(spec -> spec.name() + (spec.hints().destructive() ? "!" : ""))
        .containsExactly(
            "k8s.cluster.status",
            "k8s.deployments.list",
            "k8s.deployments.create",
            "k8s.deployments.delete!");
  }

  @Test
  void createThenDeleteChangesTheCluster() {
    assertThat(
            call("k8s.deployments.create", "{\"name\":\"web\",\"image\":\"nginx\",\"replicas\":2}")
                .isSuccess())
        .isTrue();
    assertThat(cluster.find("web")).contains(new Deployment("web", "nginx", 2, 2));
    assertThat(call("k8s.deployments.delete", "{\"name\":\"web\"}").isSuccess()).isTrue();
    assertThat(cluster.find("web")).isEmpty();
  }

  @Test
  void worldRefusalsAreErrorValuesWithStableCodes() {
    assertThat(call("k8s.deployments.create", "{\"name\":\"redis\",\"image\":\"redis:7\"}"))
        .isInstanceOfSatisfying(
            Result.Failure.class, f -> assertThat(f.code()).isEqualTo("ALREADY_EXISTS"));
    assertThat(call("k8s.deployments.delete", "{\"name\":\"nope\"}"))
        .isInstanceOfSatisfying(
            Result.Failure.class, f -> assertThat(f.code()).isEqualTo("NOT_FOUND"));
  }

  @Test
  void schemasRefuseBadNamesAndAbsurdReplicaCounts() {
    assertThat(
            registry.validate(
                "k8s.deployments.create",
                JsonValue.parse("{\"name\":\"Bad_Name\",\"image\":\"x\"}")))
        .isNotEmpty();
    assertThat(
            registry.validate(
                "k8s.deployments.create",
                JsonValue.parse("{\"name\":\"ok\",\"image\":\"x\",\"replicas\":1000}")))
        .isNotEmpty();
  }

  @Test
  void deletePreviewShowsWhatWouldGoWithoutChangingAnything() {
    Tool delete = registry.find("k8s.deployments.delete").orElseThrow();
    ToolContext context =
        new ToolContext("run", 1, Instant.MAX, CancellationToken.create(), Clock.systemUTC());

    assertThat(
            delete.preview(
                new ToolCall("k8s.deployments.delete", JsonValue.parse("{\"name\":\"redis\"}"), ""),
                context))
        .hasValueSatisfying(p -> assertThat(p.toJson()).contains("would_delete"));
    assertThat(cluster.deployments()).hasSize(1);
    assertThat(List.of(cluster.deployments().get(0).name())).containsExactly("redis");
  }
}
