package dev.xct.benchmarks;

import dev.xct.core.RunStatus;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.temporal.RunSummary;
import dev.xct.temporal.TemporalLoop;
import dev.xct.temporal.XctWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a step costs as a Temporal workflow: the same scripted run (the repeating model, the no-op
 * tool, the default chain, {@code steps} steps) in-process on {@link ExecutionLoop} (inline and
 * with its default tool threads) and as a workflow through {@link TemporalLoop} on
 * temporal-testing's in-process server in real time. Each round runs the variants in turn; prints
 * the median, min and max milliseconds per step, the ratio of the medians, and what one workflow
 * step is made of: activities and history events per step, counted from the workflow's history.
 *
 * <p>Run with {@code java -cp benchmarks.jar dev.xct.benchmarks.TemporalCost [rounds] [steps]
 * [runsPerRound]}.
 */
public final class TemporalCost {
  private static final String QUEUE = "xct-cost";

  private TemporalCost() {}

  /** Runs the comparison. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    ExecutionLoop inline = Fixtures.loop(steps, true, true);
    ExecutionLoop threaded = Fixtures.loop(steps, false, true);
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    TemporalLoop.builder(Fixtures.repeatingModel(), ToolRegistry.of(Fixtures.noOpTool()))
        .budgets(Fixtures.budgets(steps))
        .validator(Fixtures.allowPolicy())
        .build()
        .register(env.newWorker(QUEUE));
    env.start();
    try {
      WorkflowClient client = env.getWorkflowClient();
      int[] id = {0};
      // Warm-up: the JIT, the worker's pollers and the server's first workflows.
      for (int i = 0; i < 20; i++) {
        inline.run("t");
        threaded.run("t");
        workflow(client, "warm-" + id[0]++, steps);
      }
      List<Double> inlineMs = new ArrayList<>();
      List<Double> threadedMs = new ArrayList<>();
      List<Double> temporalMs = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        inlineMs.add(perStep(runs, steps, () -> check(inline.run("t").steps().size(), steps)));
        threadedMs.add(perStep(runs, steps, () -> check(threaded.run("t").steps().size(), steps)));
        temporalMs.add(perStep(runs, steps, () -> workflow(client, "run-" + id[0]++, steps)));
      }
      double in = report("inProcessInline", inlineMs);
      double th = report("inProcessThreaded", threadedMs);
      double tw = report("temporalTestServer", temporalMs);
      System.out.printf("ratio temporal/inline %.0f, temporal/threaded %.0f%n", tw / in, tw / th);
      history(client, "run-" + (id[0] - 1), steps);
    } finally {
      env.close();
    }
  }

  /** Runs one workflow to its end and checks it ran {@code steps} steps. */
  private static void workflow(WorkflowClient client, String id, int steps) {
    XctWorkflow run =
        client.newWorkflowStub(
            XctWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
    RunSummary summary = run.run("t");
    Fixtures.check(summary.status() != RunStatus.DONE, "a budget ends the run, not the model");
    check(summary.steps(), steps);
  }

  private static void check(int ran, int steps) {
    Fixtures.check(ran == steps, "ran " + ran + " steps, not " + steps);
  }

  /** Runs {@code runs} runs and returns the wall-clock milliseconds per step. */
  private static double perStep(int runs, int steps, Runnable run) {
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      run.run();
    }
    return (System.nanoTime() - start) / 1e6 / ((double) runs * steps);
  }

  private static double report(String name, List<Double> msPerStep) {
    double[] a = Rounds.sorted(msPerStep);
    double median = Rounds.median(a);
    System.out.printf(
        "%-20s %10.4f ms/step (min %.4f, max %.4f)%n", name, median, a[0], a[a.length - 1]);
    return median;
  }

  /** Prints the history events per step of workflow {@code id}, by type. */
  private static void history(WorkflowClient client, String id, int steps) {
    List<HistoryEvent> events = client.fetchHistory(id).getEvents();
    Map<String, Integer> byType = new TreeMap<>();
    for (HistoryEvent event : events) {
      byType.merge(shortName(event.getEventType()), 1, Integer::sum);
    }
    int activities = byType.getOrDefault("ACTIVITY_TASK_SCHEDULED", 0);
    System.out.printf(
        "history of one %d-step run: %d events (%.1f per step), %d activities (%.1f per step)%n",
        steps,
        events.size(),
        events.size() / (double) steps,
        activities,
        activities / (double) steps);
    byType.forEach(
        (type, n) ->
            System.out.printf("  %-36s %4d (%.2f per step)%n", type, n, n / (double) steps));
  }

  private static String shortName(EventType type) {
    return type.name().replace("EVENT_TYPE_", "");
  }
}
