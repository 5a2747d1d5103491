package dev.xct.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.demo.k8s.Deployment;
import dev.xct.demo.k8s.InMemoryCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExamplesTest {
  @Test
  void policyWithApproverDeletesOnlyWhatTheTicketCovers() {
    InMemoryCluster cluster =
        InMemoryCluster.with(
            new Deployment("nginx", "nginx:1.27", 2, 2), new Deployment("redis", "redis:7", 1, 1));

    RunResult run = PolicyWithApproverExample.run(cluster);

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(cluster.deployments()).extracting(Deployment::name).containsExactly("redis");
    assertThat(run.steps().get(1).result().orElseThrow().toString()).contains("APPROVAL_DENIED");
  }

  @Test
  void eventExportCountsVetoesToolCallsAndRuns() {
    ByteArrayOutputStream events = new ByteArrayOutputStream();

    EventExportExample.Metrics metrics =
        EventExportExample.run(new PrintStream(events, true, StandardCharsets.UTF_8));

    assertThat(metrics.snapshot())
        .containsEntry("xct_vetoes_total{code=\"POLICY_DENIED\"}", 1L)
        .containsEntry(
            "xct_tool_calls_total{tool=\"k8s.deployments.create\",outcome=\"success\"}", 1L)
        .containsEntry(
            "xct_tool_calls_total{tool=\"k8s.deployments.create\",outcome=\"error\"}", 1L)
        .containsEntry("xct_runs_total{status=\"DONE\"}", 1L);
    assertThat(events.toString(StandardCharsets.UTF_8).lines()).hasSizeGreaterThan(10);
  }
}
