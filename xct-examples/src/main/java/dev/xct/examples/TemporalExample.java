package dev.xct.examples;

import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.demo.k8s.Deployment;
import dev.xct.demo.k8s.InMemoryCluster;
import dev.xct.demo.k8s.K8sTools;
import dev.xct.temporal.RunSummary;
import dev.xct.temporal.TemporalLoop;
import dev.xct.temporal.TemporalRuns;
import dev.xct.temporal.XctWorkflow;
import dev.xct.test.ScriptedModelClient;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import java.util.UUID;

/**
 * Runs an XCT loop as a durable Temporal workflow: a worker registered with your own model client
 * and tools (here a scripted model and the demo cluster's tools), and a run started and awaited
 * through a {@link WorkflowClient}. By default it runs on Temporal's in-process test server (no
 * network, no cluster); with an address as argument, or {@code TEMPORAL_ADDRESS=host:7233}, it runs
 * a worker against that cluster's namespace {@code default}. See {@code docs/temporal.md}.
 */
public final class TemporalExample {
  static final String QUEUE = "xct-example";

  private TemporalExample() {}

  /** What a run ended with, and its steps, read with the workflow's query. */
  public record Outcome(RunSummary summary, List<Step> steps) {}

  /** Returns the loop every worker of the task queue registers: your model, tools and budgets. */
  static TemporalLoop loop(InMemoryCluster cluster) {
    ScriptedModelClient model =
        ScriptedModelClient.of(
            """
            {"next_step":{"tool":"k8s.deployments.list","arguments":{}}}""",
            """
            {"next_step":{"tool":"k8s.deployments.delete","arguments":{"name":"nginx"}}}""",
            """
            {"done":true,"message":"nginx removed"}""");
    return TemporalLoop.builder(
            model, ToolRegistry.builder().addAll(K8sTools.over(cluster)).build())
        .budgets(Budgets.builder().maxSteps(10).build())
        .build();
  }

  /** Runs the loop on Temporal's in-process test server, which the run closes with it. */
  public static Outcome runInProcess(InMemoryCluster cluster) {
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      loop(cluster).register(env.newWorker(QUEUE));
      env.start();
      return run(env.getWorkflowClient(), "temporal-example");
    }
  }

  /** Runs a worker against the Temporal cluster at {@code address} and one run on it. */
  public static Outcome runOnCluster(String address, InMemoryCluster cluster) {
    // tag::worker[]
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    loop(cluster).register(factory.newWorker(QUEUE)); // the workflow and both activities
    factory.start();
    // end::worker[]
    try {
      return run(client, "temporal-example-" + UUID.randomUUID());
    } finally {
      factory.shutdown();
      service.shutdown();
    }
  }

  /** Starts a run from any client and waits for it; the workflow id is the run id. */
  static Outcome run(WorkflowClient client, String runId) {
    // tag::run[]
    XctWorkflow run =
        client.newWorkflowStub(
            XctWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(runId).build());
    RunSummary summary = run.run("Remove nginx"); // blocks until the run ends
    List<Step> steps = TemporalRuns.steps(run.events()); // a query: a worker must be up
    // end::run[]
    return new Outcome(summary, steps);
  }

  /** Runs the example: in-process, or against the cluster named by the argument or env var. */
  public static void main(String[] args) {
    String address = args.length > 0 ? args[0] : System.getenv("TEMPORAL_ADDRESS");
    InMemoryCluster cluster =
        InMemoryCluster.with(
            new Deployment("nginx", "nginx:1.27", 2, 2), new Deployment("redis", "redis:7", 1, 1));
    Outcome outcome =
        address == null || address.isBlank()
            ? runInProcess(cluster)
            : runOnCluster(address, cluster);
    System.out.println(outcome.summary());
    outcome.steps().forEach(System.out::println);
    System.out.println("still running: " + cluster.deployments());
    System.exit(outcome.summary().status() == RunStatus.DONE ? 0 : 1);
  }
}
