package dev.xct.temporal;

import static dev.xct.temporal.StepModel.call;
import static dev.xct.temporal.StepModel.done;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelRequest;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker dies while a non-idempotent tool runs, and another worker finishes the run. Each worker
 * has its own {@link WorkerFactory} (its own pollers and workflow cache) on the in-process test
 * server; they share the test environment's client. Real time; the timeout that must fire
 * (Temporal's, 10 s and a grace second) has seconds of margin over the one that must not (the first
 * worker's own, 10 s after the tool started, by which time that worker is gone).
 */
class WorkerRestartTest {
  private static final String QUEUE = "xct";

  @TempDir Path dir;

  /**
   * Starts one worker, without sticky execution (a zero sticky schedule-to-start timeout: the SDK
   * then asks for no sticky queue). The test server never moves a run's next task from a dead
   * worker's sticky queue back to the run's own queue, where a real server does after that timeout.
   */
  private static WorkerFactory start(WorkflowClient client, TemporalLoop loop) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    loop.register(
        factory.newWorker(
            QUEUE,
            WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(Duration.ZERO)
                .build()));
    factory.start();
    return factory;
  }

  @Test
  void anotherWorkerFinishesTheRunWithoutRunningTheNonIdempotentToolAgain() throws Exception {
    Path file = dir.resolve("effects");
    StepModel model = StepModel.of(call(FileTool.NAME, "{}"), done("checked"));
    FileTool first = FileTool.blocking(file, Duration.ofSeconds(10));
    Duration grace = Duration.ofSeconds(1);
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    WorkerFactory b = null;
    try {
      WorkflowClient client = env.getWorkflowClient();
      WorkerFactory a =
          start(
              client, TemporalLoop.builder(model, ToolRegistry.of(first)).toolGrace(grace).build());
      XctWorkflow run =
          client.newWorkflowStub(
              XctWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(QUEUE)
                  .setWorkflowId("run-restart")
                  .build());
      WorkflowClient.start(run::run, "append once");
      first.started.await();

      a.shutdownNow();
      a.awaitTermination(10, TimeUnit.SECONDS);
      b =
          start(
              client,
              TemporalLoop.builder(model, ToolRegistry.of(FileTool.appending(file)))
                  .toolGrace(grace)
                  .build());
      RunSummary summary =
          WorkflowStub.fromTyped(run).getResult(60, TimeUnit.SECONDS, RunSummary.class);

      assertThat(summary.status()).isEqualTo(RunStatus.DONE);
      assertThat(FileTool.executions(file)).isEqualTo(1);
      List<Step> steps = TemporalRuns.steps(run.events());
      Result lost = ((Step.Executed) steps.get(0)).outcome();
      assertThat(((Result.Failure) lost).code()).isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
      ModelRequest last = model.requests().get(model.requests().size() - 1);
      assertThat(last.step()).isEqualTo(2);
      Result seen = ((Step.Executed) last.transcript().get(0)).outcome();
      assertThat(((Result.Failure) seen).code()).isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
    } finally {
      first.release.countDown();
      if (b != null) {
        b.shutdownNow();
        b.awaitTermination(10, TimeUnit.SECONDS);
      }
      env.close();
    }
  }
}
