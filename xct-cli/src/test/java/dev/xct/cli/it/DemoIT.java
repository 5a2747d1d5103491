package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoIT {
  @TempDir Path dir;

  @Test
  void demoShowsEveryKeyStepOfBothScenariosAndExitsZero() {
    Xct.Outcome demo = Xct.run(dir, "demo");

    assertThat(demo.exitCode()).as(demo.all()).isZero();
    assertThat(demo.out())
        .contains("Scenario 1/2: create a file safely")
        .contains("✗ reply rejected INVALID_JSON")
        .contains("fs.write {\"path\":\"../../etc/config.json\"")
        .contains("✗ fs-confinement denied PATH_OUTSIDE_ROOT")
        .contains(
            "✓ fs.write ran → {\"bytesWritten\":16,\"outcome\":\"created\",\"path\":\"config.json\"")
        .contains("workspace now holds config.json: {\"debug\": false}")
        .contains("Scenario 2/2: operate a small Kubernetes-like cluster")
        .contains("✗ policy denied POLICY_DENIED: policy rule 'replica-cap'")
        .contains("✗ k8s.deployments.create failed ALREADY_EXISTS")
        .contains("✗ known-tool denied UNKNOWN_TOOL: there is no tool named 'k8s.pods.logs'")
        .contains("? approval needed: policy rule 'deletes-need-approval'")
        .contains("■ AWAITING_APPROVAL (APPROVAL_PENDING) after 7 steps")
        .contains("the process exits; the request waits in the durable journal")
        .contains(
            "? waiting since 2026-01-01T09:00:00Z: k8s.deployments.delete {\"name\":\"nginx\"}")
        .contains("✓ policy (approved by demo-operator)")
        .contains("✓ k8s.deployments.delete ran")
        .contains("✗ policy denied APPROVAL_DENIED")
        .contains("cluster now runs: mongodb, redis")
        .contains("a runaway model")
        .contains("■ LIMIT_REACHED (MAX_STEPS_EXCEEDED) after 4 steps")
        .contains("What you saw");
    assertThat(demo.out().split("■ DONE", -1)).hasSize(3);
    assertThat(demo.err()).isEmpty();
  }

  @Test
  void demoIsTheSameOnEveryRun() {
    Xct.Outcome first = Xct.run(dir, "demo");
    Xct.Outcome second = Xct.run(dir, "demo");

    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void demoIsPlainTextWithoutATerminalAndColouredOnlyWhenAsked() {
    Xct.Outcome plain = Xct.run(dir, "demo");
    Xct.Outcome coloured = Xct.run(dir, "--color=always", "demo");
    Xct.Outcome noColour = Xct.run(dir, Map.of("NO_COLOR", "1"), "demo");

    assertThat(plain.out()).doesNotContain("\u001b[");
    assertThat(noColour.out()).doesNotContain("\u001b[");
    assertThat(coloured.out()).contains("\u001b[31m✗ fs-confinement denied PATH_OUTSIDE_ROOT");
  }

  @Test
  void demoPrintsJsonLinesEventsWhenAskedForJson() {
    Xct.Outcome demo = Xct.run(dir, "demo", "--json");

    assertThat(demo.exitCode()).as(demo.all()).isZero();
    JsonMapper mapper = JsonMapper.builder().build();
    long ended =
        demo.out()
            .lines()
            .map(mapper::readTree)
            .map(line -> line.get("type").asString())
            .filter("run_ended"::equals)
            .count();
    // The cluster run ends twice: paused for a person, then done after the answer.
    assertThat(ended).isEqualTo(4);
    JsonNode first = mapper.readTree(demo.out().lines().findFirst().orElseThrow());
    assertThat(first.get("run_id").asString()).isEqualTo("demo-files");
  }
}
