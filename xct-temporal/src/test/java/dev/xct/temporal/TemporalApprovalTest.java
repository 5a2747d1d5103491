package dev.xct.temporal;

import static dev.xct.temporal.StepModel.call;
import static dev.xct.temporal.StepModel.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Validators;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deferred approvals on Temporal's in-process test server with time skipping: the run waits for a
 * signal, durably, and the request's expiry is a workflow timer. Time only skips while the test
 * waits for the run's result or sleeps on the environment, so nothing here depends on timing; the
 * test waits for the run to reach its pause by polling its queries.
 */
class TemporalApprovalTest {
  private static final String QUEUE = "xct";
  private static final String ARGS = "{\"n\":1}";

  @TempDir Path dir;

  private Path target;
  private Path effects;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void files() throws IOException {
    target = Files.writeString(dir.resolve("target"), "v1");
    effects = dir.resolve("effects");
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  private XctWorkflow start(StepModel model) {
    return start(loop(model, new Guarded(target, effects)));
  }

  private XctWorkflow start(TemporalLoop loop) {
    env = TestWorkflowEnvironment.newInstance();
    loop.register(env.newWorker(QUEUE));
    env.start();
    XctWorkflow run =
        env.getWorkflowClient()
            .newWorkflowStub(
                XctWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("run-a").build());
    WorkflowClient.start(run::run, "remove the target");
    return run;
  }

  /** A loop whose approver defers every destructive call for two days. */
  private static TemporalLoop loop(StepModel model, Guarded tool) {
    return builder(model, tool).build();
  }

  private static TemporalLoop.Builder builder(StepModel model, Guarded tool) {
    return TemporalLoop.builder(model, ToolRegistry.of(tool))
        .validator(
            "approve-destructive",
            Validators.approveDestructive(request -> ApprovalDecision.defer(Duration.ofDays(2))));
  }

  private static PendingApproval awaitPending(XctWorkflow run) {
    return until(() -> TemporalRuns.pending(run));
  }

  /** Waits for the run to record its first refused answer. */
  private static RunEvent.ApprovalDecided awaitRefusal(XctWorkflow run) {
    return until(
        () ->
            TemporalRuns.events(run.events()).stream()
                .filter(RunEvent.ApprovalDecided.class::isInstance)
                .map(RunEvent.ApprovalDecided.class::cast)
                .filter(decided -> !decided.accepted())
                .findFirst());
  }

  /**
   * Waits until {@code probe} (a workflow query) finds what it looks for, for up to 30 s: Temporal
   * pushes no notice when a workflow's state changes, so the query is asked again every 20 ms.
   */
  private static <T> T until(Supplier<Optional<T>> probe) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Optional<T> value = probe.get();
    while (value.isEmpty() && System.nanoTime() < end) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      value = probe.get();
    }
    return value.orElseThrow(() -> new AssertionError("the run never got there"));
  }

  private static RunSummary result(XctWorkflow run) {
    return WorkflowStub.fromTyped(run).getResult(RunSummary.class);
  }

  /** Returns the failure the model read for step 1 when it was asked for step 2. */
  private static Result.Failure seenAtStep2(StepModel model) {
    ModelRequest second = model.requests().get(1);
    assertThat(second.step()).isEqualTo(2);
    return (Result.Failure) second.transcript().get(0).result().orElseThrow();
  }

  private int executions() throws IOException {
    return FileTool.executions(effects);
  }

  @Test
  void anApprovalAfterATimeSkippedDayRunsTheToolExactlyOnce() throws Exception {
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("removed"));
    XctWorkflow run = start(model);
    PendingApproval request = awaitPending(run);
    assertThat(request.call().tool()).isEqualTo(Guarded.NAME);
    assertThat(request.expiresAt()).isEqualTo(request.askedAt().plus(Duration.ofDays(2)));
    assertThat(request.preview().toJson()).contains("v1");

    env.sleep(Duration.ofDays(1));
    assertThat(TemporalRuns.pending(run)).contains(request);
    TemporalRuns.approve(run, request, "alice");
    RunSummary summary = result(run);

    assertThat(summary.status()).isEqualTo(RunStatus.DONE);
    assertThat(executions()).isEqualTo(1);
    Step first = TemporalRuns.steps(run.events()).get(0);
    assertThat(first).isInstanceOf(Step.Executed.class);
    assertThat(first.result().orElseThrow()).isInstanceOf(Result.Success.class);
    assertThat(TemporalRuns.pending(run)).isEmpty();
  }

  @Test
  void aDeniedApprovalReachesTheModelWithTheReason() throws Exception {
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("left it"));
    XctWorkflow run = start(model);
    TemporalRuns.deny(run, awaitPending(run), "bob", "not during the freeze");

    assertThat(result(run).status()).isEqualTo(RunStatus.DONE);
    Result.Failure seen = seenAtStep2(model);
    assertThat(seen.code()).isEqualTo(ErrorCodes.APPROVAL_DENIED);
    assertThat(seen.message()).contains("not during the freeze");
    assertThat(executions()).isZero();
  }

  @Test
  void anUnansweredRequestExpiresOnItsTimerAndTheModelReadsApprovalExpired() throws Exception {
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("gave up"));
    XctWorkflow run = start(model);
    awaitPending(run);

    RunSummary summary = result(run); // time skips to the request's expiry

    assertThat(summary.status()).isEqualTo(RunStatus.DONE);
    assertThat(seenAtStep2(model).code()).isEqualTo(ErrorCodes.APPROVAL_EXPIRED);
    assertThat(TemporalRuns.events(run.events()))
        .anyMatch(event -> event instanceof RunEvent.ApprovalExpired);
    assertThat(executions()).isZero();
  }

  @Test
  void anAnswerForAnotherActionIsRefusedAndTheRunKeepsWaiting() throws Exception {
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("removed"));
    XctWorkflow run = start(model);
    PendingApproval request = awaitPending(run);
    ActionDigest other = ActionDigest.of(Guarded.NAME, JsonValue.parse("{\"n\":2}"));

    TemporalRuns.answer(run, request, ApprovalAnswer.approve(other, "mallory"));
    RunEvent.ApprovalDecided refused = awaitRefusal(run);

    assertThat(refused.refused()).contains(ErrorCodes.APPROVAL_MISMATCH);
    assertThat(TemporalRuns.pending(run)).contains(request);
    assertThat(executions()).isZero();
    TemporalRuns.approve(run, request, "alice");
    assertThat(result(run).status()).isEqualTo(RunStatus.DONE);
    assertThat(executions()).isEqualTo(1);
  }

  @Test
  void aSecondApprovalOfAnEarlierRequestNeverApprovesALaterOneForTheSameAction() throws Exception {
    StepModel model =
        StepModel.of(call(Guarded.NAME, ARGS), call(Guarded.NAME, ARGS), done("removed"));
    XctWorkflow run = start(model);
    PendingApproval first = awaitPending(run);

    TemporalRuns.approve(run, first, "alice");
    TemporalRuns.approve(run, first, "alice"); // a double click
    RunEvent.ApprovalDecided refused = awaitRefusal(run);

    assertThat(refused.refused()).contains("APPROVAL_ALREADY_DECIDED");
    PendingApproval second = TemporalRuns.pending(run).orElseThrow();
    assertThat(second.step()).isEqualTo(2);
    assertThat(second.action()).isEqualTo(first.action());
    assertThat(executions()).isEqualTo(1);
    TemporalRuns.approve(run, second, "alice");
    assertThat(result(run).status()).isEqualTo(RunStatus.DONE);
    assertThat(executions()).isEqualTo(2);
  }

  @Test
  void aPreviewOverTheResultCapIsNotKeptAndThePersonIsAskedWithoutIt() throws Exception {
    Files.writeString(target, "x".repeat(5000));
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("removed"));
    XctWorkflow run =
        start(builder(model, new Guarded(target, effects)).maxResultBytes(4096).build());

    PendingApproval request = awaitPending(run);

    assertThat(request.preview().isNull()).isTrue();
    assertThat(String.join("\n", run.events())).doesNotContain("x".repeat(4097));
  }

  @Test
  void aTargetChangedAfterTheRequestVoidsTheApprovalAsStale() throws Exception {
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("left it"));
    XctWorkflow run = start(model);
    PendingApproval request = awaitPending(run);

    Files.writeString(target, "v2");
    TemporalRuns.approve(run, request, "alice");

    assertThat(result(run).status()).isEqualTo(RunStatus.DONE);
    assertThat(seenAtStep2(model).code()).isEqualTo(ErrorCodes.APPROVAL_STALE);
    assertThat(executions()).isZero();
  }

  @Test
  void cancellingARunThatWaitsForAnApprovalEndsItCancelledWithNothingRun() throws Exception {
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("never"));
    XctWorkflow run = start(model);
    awaitPending(run);

    WorkflowStub.fromTyped(run).cancel();

    assertThatThrownBy(() -> result(run))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    List<RunEvent> events = TemporalRuns.events(run.events());
    RunEvent.RunEnded ended = (RunEvent.RunEnded) events.get(events.size() - 1);
    assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(ended.code()).contains(ErrorCodes.CANCELLED);
    assertThat(TemporalRuns.pending(run)).isEmpty();
    assertThat(model.requests()).hasSize(1);
    assertThat(executions()).isZero();
  }

  @Test
  void aRunThatWaitedForAnApprovalReplaysWithoutReadingTheWorldAgain() throws Exception {
    StepModel model = StepModel.of(call(Guarded.NAME, ARGS), done("removed"));
    XctWorkflow run = start(model);
    PendingApproval request = awaitPending(run);
    env.sleep(Duration.ofHours(5));
    TemporalRuns.approve(run, request, "alice");
    assertThat(result(run).status()).isEqualTo(RunStatus.DONE);
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory("run-a");

    try (TestWorkflowEnvironment replay = TestWorkflowEnvironment.newInstance()) {
      Worker worker = replay.newWorker(QUEUE);
      // Another process: its target changed, which replay must not see (the fingerprint's local
      // activity result is in history), and its tool and model must not be called.
      Path changed = Files.writeString(dir.resolve("changed"), "v2");
      Guarded other = new Guarded(changed, dir.resolve("other"));
      StepModel silent = StepModel.of();
      loop(silent, other).register(worker);
      WorkflowReplayer.replayWorkflowExecution(history, worker);
      assertThat(silent.requests()).isEmpty();
      assertThat(other.looks()).isZero();
    }
    assertThat(FileTool.executions(dir.resolve("other"))).isZero();
    assertThat(executions()).isEqualTo(1);
  }

  /** A destructive tool whose preview shows its target's content; each run appends to a file. */
  private record Guarded(Path target, Path effects, AtomicInteger previews) implements Tool {
    static final String NAME = "guarded.remove";

    Guarded(Path target, Path effects) {
      this(target, effects, new AtomicInteger());
    }

    int looks() {
      return previews.get();
    }

    @Override
    public ToolSpec spec() {
      return ToolSpec.builder(NAME)
          .description("removes the test's target")
          .inputSchema(
              "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},"
                  + "\"additionalProperties\":false}")
          .destructive()
          .build();
    }

    @Override
    public Optional<JsonValue> preview(ToolCall call, ToolContext context) {
      previews.incrementAndGet();
      try {
        return Optional.of(JsonValue.from(Map.of("content", Files.readString(target))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      try {
        Files.write(
            effects,
            List.of("ran"),
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Result.success(Map.of("removed", true));
    }
  }
}
