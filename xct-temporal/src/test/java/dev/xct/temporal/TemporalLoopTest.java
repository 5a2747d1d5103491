package dev.xct.temporal;

import static dev.xct.temporal.StepModel.call;
import static dev.xct.temporal.StepModel.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelRequest;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable runs on Temporal's in-process test server, in real time: its time skipping stands still
 * while an activity runs, and these tests need Temporal's activity timeouts to fire while a tool
 * blocks. No assertion depends on timing: each timeout that must not fire has seconds of margin.
 */
class TemporalLoopTest {
  private static final String QUEUE = "xct";

  @TempDir Path dir;

  private TestWorkflowEnvironment env;
  private final List<FileTool> blocked = new ArrayList<>();

  @AfterEach
  void close() {
    blocked.forEach(tool -> tool.release.countDown());
    if (env != null) {
      env.close();
    }
  }

  private void serve(TemporalLoop loop) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    loop.register(env.newWorker(QUEUE));
    env.start();
  }

  private XctWorkflow workflow(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            XctWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
  }

  private static Result outcome(Step step) {
    assertThat(step).isInstanceOf(Step.Executed.class);
    return ((Step.Executed) step).outcome();
  }

  /** Returns the failure the run recorded for its first step. */
  private static Result.Failure firstFailure(XctWorkflow run) {
    return (Result.Failure) outcome(TemporalRuns.steps(run.events()).get(0));
  }

  /** Returns the code of the first step's failure as the model saw it when asked for step 2. */
  private static String seenAtStep2(StepModel model) {
    ModelRequest second = model.requests().get(1);
    assertThat(second.step()).isEqualTo(2);
    return ((Result.Failure) outcome(second.transcript().get(0))).code();
  }

  @Test
  void runCompletesWithTheModelAndTheToolEachCalledInAnActivity() throws Exception {
    Path file = dir.resolve("effects");
    StepModel model = StepModel.of(call(FileTool.NAME, "{}"), done("appended"));
    serve(TemporalLoop.builder(model, ToolRegistry.of(FileTool.appending(file))).build());
    XctWorkflow run = workflow("run-1");

    RunSummary summary = run.run("append a line");

    assertThat(summary.runId()).isEqualTo("run-1");
    assertThat(summary.status()).isEqualTo(RunStatus.DONE);
    assertThat(summary.message()).isEqualTo("appended");
    assertThat(summary.steps()).isEqualTo(2);
    assertThat(FileTool.executions(file)).isEqualTo(1);
    List<Step> steps = TemporalRuns.steps(run.events());
    assertThat(steps).hasSize(2);
    assertThat(outcome(steps.get(0))).isInstanceOf(Result.Success.class);
    ModelRequest second = model.requests().get(1);
    assertThat(second.task()).isEqualTo("append a line");
    assertThat(second.transcript()).hasSize(1);
    assertThat(outcome(second.transcript().get(0))).isInstanceOf(Result.Success.class);
    assertThat(second.messages()).isNotEmpty();
  }

  @Test
  void aToolWhoseWorkerStopsReachesTheModelAsOutcomeUnknownAndIsNotRunAgain() throws Exception {
    Path file = dir.resolve("effects");
    StepModel model = StepModel.of(call(FileTool.NAME, "{}"), done("checked"));
    // The worker would report TOOL_TIMEOUT after 10 s; it stops first and reports nothing, so
    // Temporal's own timeout (10 s and a grace second) ends the call.
    FileTool stuck = FileTool.blocking(file, Duration.ofSeconds(10));
    blocked.add(stuck);
    serve(
        TemporalLoop.builder(model, ToolRegistry.of(stuck))
            .toolGrace(Duration.ofSeconds(1))
            .build());
    XctWorkflow run = workflow("run-lost");
    WorkflowClient.start(run::run, "append once");
    stuck.started.await();

    // What a worker's shutdownNow does to the activity waiting on the tool.
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("Activity Executor"))
        .forEach(Thread::interrupt);
    RunSummary summary = WorkflowStub.fromTyped(run).getResult(RunSummary.class);

    assertThat(summary.status()).isEqualTo(RunStatus.DONE);
    assertThat(FileTool.executions(file)).isEqualTo(1);
    Result.Failure lost = firstFailure(run);
    assertThat(lost.code()).isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
    assertThat(lost.details().get("idempotent").orElseThrow().toJson()).isEqualTo("false");
    assertThat(seenAtStep2(model)).isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
  }

  @Test
  void aToolThatTimesOutReachesTheModelAsToolTimeoutAndIsNotRetried() throws Exception {
    Path file = dir.resolve("effects");
    StepModel model = StepModel.of(call(FileTool.NAME, "{}"), done("gave up"));
    // The worker stops waiting after 200 ms; Temporal would wait 30 s more before its own timeout.
    FileTool stuck = FileTool.blocking(file, Duration.ofMillis(200));
    blocked.add(stuck);
    serve(TemporalLoop.builder(model, ToolRegistry.of(stuck)).build());
    XctWorkflow run = workflow("run-timeout");

    RunSummary summary = run.run("append once");

    assertThat(summary.status()).isEqualTo(RunStatus.DONE);
    assertThat(FileTool.executions(file)).isEqualTo(1);
    Result.Failure failure = firstFailure(run);
    assertThat(failure.code()).isEqualTo(ErrorCodes.TOOL_TIMEOUT);
    assertThat(model.requests()).hasSize(2);
    assertThat(seenAtStep2(model)).isEqualTo(ErrorCodes.TOOL_TIMEOUT);
  }

  @Test
  void cancellingTheWorkflowEndsTheRunCancelledAndTheWorkflowCanceled() throws Exception {
    Path file = dir.resolve("effects");
    StepModel model = StepModel.of(call(FileTool.NAME, "{}"), done("never"));
    FileTool stuck = FileTool.blocking(file, Duration.ofHours(1));
    blocked.add(stuck);
    serve(TemporalLoop.builder(model, ToolRegistry.of(stuck)).build());
    XctWorkflow run = workflow("run-cancel");
    WorkflowClient.start(run::run, "append once");
    stuck.started.await();

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(run).getResult(RunSummary.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    List<RunEvent> events = TemporalRuns.events(run.events());
    RunEvent.RunEnded ended = (RunEvent.RunEnded) events.get(events.size() - 1);
    assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(ended.code()).contains(ErrorCodes.CANCELLED);
    assertThat(model.requests()).hasSize(1);
    assertThat(firstFailure(run).code()).isEqualTo(ErrorCodes.CANCELLED);
    assertThat(FileTool.executions(file)).isEqualTo(1);
  }

  @Test
  void aResultOverTheCapReachesTheModelAsResultTooLargeAndIsNotKept() throws Exception {
    Path file = dir.resolve("effects");
    StepModel model = StepModel.of(call(FileTool.NAME, "{}"), done("too much"));
    serve(
        TemporalLoop.builder(model, ToolRegistry.of(FileTool.answering(file, 5000)))
            .maxResultBytes(4096)
            .build());
    XctWorkflow run = workflow("run-large");

    RunSummary summary = run.run("append once");

    assertThat(summary.status()).isEqualTo(RunStatus.DONE);
    assertThat(FileTool.executions(file)).isEqualTo(1);
    Result.Failure failure = firstFailure(run);
    assertThat(failure.code()).isEqualTo(TemporalLoop.RESULT_TOO_LARGE);
    assertThat(failure.details().get("limit").orElseThrow().toJson()).isEqualTo("4096");
    assertThat(failure.details().get("ok").orElseThrow().toJson()).isEqualTo("true");
    assertThat(run.events()).allSatisfy(line -> assertThat(line).doesNotContain("xxxxxxxxxx"));
  }

  @Test
  void theHistoryReplaysDeterministicallyOnAFreshlyBuiltLoop() throws Exception {
    Path file = dir.resolve("effects");
    StepModel model =
        StepModel.of("not json", call(FileTool.NAME, "{}"), call("no.such", "{}"), done("ok"));
    serve(TemporalLoop.builder(model, ToolRegistry.of(FileTool.appending(file))).build());
    XctWorkflow run = workflow("run-replay");
    assertThat(run.run("append once").steps()).isEqualTo(4);
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("run-replay");

    try (TestWorkflowEnvironment replay = TestWorkflowEnvironment.newInstance()) {
      Worker worker = replay.newWorker(QUEUE);
      // Another process: new tool and model objects, which replay must not call.
      StepModel silent = StepModel.of();
      TemporalLoop.builder(silent, ToolRegistry.of(FileTool.appending(dir.resolve("other"))))
          .build()
          .register(worker);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
      assertThat(silent.requests()).isEmpty();
    }
    assertThat(FileTool.executions(dir.resolve("other"))).isZero();
  }

  @Test
  void theEventsExportIntoAFileJournalWhoseHashChainVerifies() throws Exception {
    StepModel model = StepModel.of(call(FileTool.NAME, "{}"), done("appended"));
    serve(
        TemporalLoop.builder(model, ToolRegistry.of(FileTool.appending(dir.resolve("effects"))))
            .build());
    XctWorkflow run = workflow("run-audit");
    run.run("append once");

    try (FileJournal journal = FileJournal.open(dir.resolve("journal"))) {
      TemporalRuns.export(run.events(), journal);
      assertThat(journal.verify().intact()).isTrue();
      assertThat(journal.read("run-audit")).hasSize(run.events().size() - 2);
    }
  }
}
