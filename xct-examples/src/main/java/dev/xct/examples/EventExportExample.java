package dev.xct.examples;

import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Validators;
import dev.xct.core.validate.Verdict;
import dev.xct.examples.k8s.InMemoryCluster;
import dev.xct.examples.k8s.K8sTools;
import dev.xct.test.ScriptedModelClient;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exports a run's events: a listener that counts vetoes by code, tool runs and failures by tool,
 * and prints them in Prometheus' text format, next to core's JSON Lines writer. Listeners observe;
 * they cannot change or break a run (one that throws is logged and ignored).
 */
public final class EventExportExample {
  private EventExportExample() {}

  /** Counts what happened, by kind and label. Thread-safe: one instance can serve many runs. */
  public static final class Metrics implements RunListener {
    private final Map<String, LongAdder> counters = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void onEvent(RunEvent event) {
      if (event instanceof RunEvent.VerdictIssued issued
          && issued.verdict().verdict() instanceof Verdict.Deny deny) {
        count("xct_vetoes_total{code=\"" + deny.code() + "\"}");
      } else if (event instanceof RunEvent.ToolFinished finished) {
        String outcome = finished.result().isSuccess() ? "success" : "error";
        count("xct_tool_calls_total{tool=\"" + finished.tool() + "\",outcome=\"" + outcome + "\"}");
      } else if (event instanceof RunEvent.RunEnded ended) {
        count("xct_runs_total{status=\"" + ended.status() + "\"}");
      }
    }

    private void count(String series) {
      counters.computeIfAbsent(series, key -> new LongAdder()).increment();
    }

    /** Returns the current values, sorted by series. */
    public Map<String, Long> snapshot() {
      Map<String, Long> values = new TreeMap<>();
      counters.forEach((series, adder) -> values.put(series, adder.sum()));
      return values;
    }

    /** Writes the values in Prometheus' text exposition format. */
    public void export(PrintStream out) {
      snapshot().forEach((series, value) -> out.println(series + " " + value));
    }
  }

  /** Runs a scripted model with both listeners and returns the metrics. */
  public static Metrics run(PrintStream events) {
    Metrics metrics = new Metrics();
    ScriptedModelClient model =
        ScriptedModelClient.of(
            """
            {"next_step":{"tool":"k8s.deployments.create","arguments":{"name":"web","image":"nginx","replicas":9}}}""",
            """
            {"next_step":{"tool":"k8s.deployments.create","arguments":{"name":"web","image":"nginx"}}}""",
            """
            {"next_step":{"tool":"k8s.deployments.create","arguments":{"name":"web","image":"nginx"}}}""",
            """
            {"done":true,"message":"web is deployed"}""");
    ExecutionLoop loop =
        ExecutionLoop.builder(
                model, ToolRegistry.builder().addAll(K8sTools.over(new InMemoryCluster())).build())
            .validator(Validators.policy(PolicyWithApproverExample.policy()))
            .listener(metrics)
            .listener(
                JsonLinesEventWriter.to(new OutputStreamWriter(events, StandardCharsets.UTF_8)))
            .build();
    loop.run("Deploy web");
    return metrics;
  }

  /** Runs the example: events as JSON Lines, then the metrics. */
  public static void main(String[] args) {
    run(System.out).export(System.out);
  }
}
