package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.Verdict;
import java.nio.file.InvalidPathException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionLoopFailureTest {

  private static Tool tool(String name, BiFunction<ToolCall, ToolContext, Result> body) {
    ToolSpec spec = ToolSpec.builder(name).build();
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Result execute(ToolCall call, ToolContext context) {
        return body.apply(call, context);
      }
    };
  }

  @Test
  void toolThatThrowsAnUncheckedExceptionBecomesToolCrashedAndTheLoopGoesOn() {
    AtomicInteger calls = new AtomicInteger();
    Tool crashing =
        tool(
            "bad.tool",
            (call, context) -> {
              calls.incrementAndGet();
              throw new InvalidPathException("/secret/\0path", "Nul character not allowed");
            });
    Fixtures.Script model = new Fixtures.Script(propose("bad.tool", "{}"), done("noted"));

    RunResult run = ExecutionLoop.builder(model, ToolRegistry.of(crashing)).build().run("t");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(calls).hasValue(1);
    Result.Failure failure = (Result.Failure) run.steps().get(0).result().orElseThrow();
    assertThat(failure.code()).isEqualTo(ErrorCodes.TOOL_CRASHED);
    // The exception's message (which might hold secrets or paths) never reaches the model.
    String sentBack = model.requests.get(1).messages().toString();
    assertThat(sentBack).contains("TOOL_CRASHED").doesNotContain("/secret/");
  }

  @Test
  void aToolCallTheExecutorRefusesFailsWithToolRejectedAfterItsIntentAndDoesNotRun() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("t.count", (call, context) -> Result.success(calls.incrementAndGet()));
    Fixtures.Script model = new Fixtures.Script(propose("t.count", "{}"), done("noted"));
    ExecutorService refusing = Executors.newSingleThreadExecutor();
    refusing.shutdown();
    Journal journal = Journal.inMemory();

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .toolExecutor(refusing)
            .journal(journal)
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(calls).hasValue(0);
    Result.Failure failure = (Result.Failure) run.steps().get(0).result().orElseThrow();
    assertThat(failure.code()).isEqualTo(ErrorCodes.TOOL_REJECTED);
    assertThat(failure.message()).contains("t.count", "did not run");
    assertThat(journal.read(run.runId()))
        .filteredOn(e -> e instanceof RunEvent.ToolStarting || e instanceof RunEvent.ToolFinished)
        .hasSize(2);
  }

  @Test
  void toolReturningNullIsACrashNotANullPointerInTheLoop() {
    Fixtures.Script model = new Fixtures.Script(propose("null.tool", "{}"), done("noted"));
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(tool("null.tool", (c, x) -> null)))
            .build()
            .run("t");
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.TOOL_CRASHED);
  }

  @Test
  void toolThatHangsPastItsTimeoutBecomesToolTimeoutAndIsSignalled() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    Tool hanging =
        tool(
            "slow.tool",
            (call, context) -> {
              context.cancellation().onCancel(cancelled::countDown);
              try {
                new CountDownLatch(1).await(); // hangs until interrupted
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Result.success("too late");
            });
    Fixtures.Script model = new Fixtures.Script(propose("slow.tool", "{}"), done("ok"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(hanging))
            .toolTimeout(Duration.ofMillis(200))
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    Result.Failure failure = (Result.Failure) run.steps().get(0).result().orElseThrow();
    assertThat(failure.code()).isEqualTo(ErrorCodes.TOOL_TIMEOUT);
    assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void validatorThatThrowsDeniesTheStepAndNothingRuns() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    Fixtures.Script model = new Fixtures.Script(propose("count.tool", "{}"), done("ok"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .validator(
                "broken",
                (p, c) -> {
                  throw new IllegalStateException("bug in validator");
                })
            .build()
            .run("t");

    assertThat(calls).hasValue(0);
    Result.Failure failure = (Result.Failure) run.steps().get(0).result().orElseThrow();
    assertThat(failure.code()).isEqualTo(ErrorCodes.VALIDATOR_ERROR);
    assertThat(failure.message()).doesNotContain("bug in validator");
  }

  @Test
  void validatorThrowingAnAssertionErrorDeniesTheStepInsteadOfEscapingRun() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    Fixtures.Script model = new Fixtures.Script(propose("count.tool", "{}"), done("ok"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .validator(
                "asserting",
                (p, c) -> {
                  throw new AssertionError("validator invariant broken");
                })
            .build()
            .run("t");

    assertThat(calls).hasValue(0);
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.VALIDATOR_ERROR);
  }

  @Test
  void redactorThrowingStopsTheRunAndRecordsNothingUnredacted() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    Fixtures.Script model =
        new Fixtures.Script(propose("count.tool", "{\"api_key\":\"sk-1\"}"), done("ok"));
    java.util.List<RunEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .redactor(
                value -> {
                  throw new AssertionError("redactor broken");
                })
            .journal(Journal.inMemory())
            .listener(seen::add)
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.code()).contains(ErrorCodes.JOURNAL_FAILED);
    assertThat(calls).hasValue(0);
    assertThat(seen.toString()).doesNotContain("sk-1");
  }

  @Test
  void cancelCallbackThrowingAnAssertionErrorAtTheDeadlineDoesNotEscapeRun() {
    long safety = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request -> {
                  request
                      .cancellation()
                      .onCancel(
                          () -> {
                            throw new AssertionError("callback invariant broken");
                          });
                  while (!request.isCancelled() && System.nanoTime() < safety) {
                    Thread.onSpinWait();
                  }
                  throw new IllegalStateException("gave up");
                },
                ToolRegistry.empty())
            .budgets(
                dev.xct.core.validate.Budgets.builder().maxDuration(Duration.ofMillis(200)).build())
            .build();

    RunResult run = loop.run("t");

    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.DEADLINE_EXCEEDED);
  }

  @Test
  void validatorReturningNullFailsClosed() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    Fixtures.Script model = new Fixtures.Script(propose("count.tool", "{}"), done("ok"));
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .validator("null", (p, c) -> null)
            .build()
            .run("t");
    assertThat(calls).hasValue(0);
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.VALIDATOR_ERROR);
  }

  /** docs/guarantees.md: an approval does not end the chain; the validators after it still run. */
  @Test
  void anApprovalLetsTheChainGoOnAndALaterDenialStillStopsTheTool() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    ActionDigest action = ActionDigest.of("count.tool", JsonValue.parse("{}"));
    Fixtures.Script model = new Fixtures.Script(propose("count.tool", "{}"), done("ok"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .validator("approver", (p, c) -> new Verdict.Approved(action, "alice"))
            .validator("later", (p, c) -> Verdict.deny("LATER_SAYS_NO", "no"))
            .build()
            .run("t");

    assertThat(calls).hasValue(0);
    assertThat(run.steps().get(0).verdicts())
        .extracting(v -> v.validator())
        .endsWith("approver", "later");
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo("LATER_SAYS_NO");
  }

  @Test
  void approvalForAnotherActionIsRejectedAndNothingRuns() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    ActionDigest other = ActionDigest.of("count.tool", JsonValue.parse("{\"n\":1}"));
    Fixtures.Script model = new Fixtures.Script(propose("count.tool", "{}"), done("ok"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .validator("sloppy-approver", (p, c) -> new Verdict.Approved(other, "someone"))
            .build()
            .run("t");

    assertThat(calls).hasValue(0);
    assertThat(run.steps().get(0).verdicts())
        .extracting(v -> v.validator())
        .endsWith("sloppy-approver", "approval-binding");
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.APPROVAL_MISMATCH);
  }

  @Test
  void approvalForThisExactActionLetsItRun() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    Fixtures.Script model = new Fixtures.Script(propose("count.tool", "{}"), done("ok"));
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .validator(
                "approver",
                (p, c) -> new Verdict.Approved(ActionDigest.of(p.tool(), p.arguments()), "alice"))
            .build()
            .run("t");
    assertThat(calls).hasValue(1);
  }

  @Test
  void modelClientFailureEndsTheRunWithModelFailedAndNoRetry() {
    AtomicInteger calls = new AtomicInteger();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request -> {
                  calls.incrementAndGet();
                  throw new IllegalStateException("503 from provider");
                },
                ToolRegistry.empty())
            .build();

    RunResult run = loop.run("t");

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(run.code()).contains(ErrorCodes.MODEL_FAILED);
    assertThat(calls).hasValue(1);
  }

  @Test
  void cancellingDuringAToolSignalsItAndEndsTheRunCancelled() throws Exception {
    CancellationToken token = CancellationToken.create();
    CountDownLatch toolStarted = new CountDownLatch(1);
    CountDownLatch toolSawCancel = new CountDownLatch(1);
    Tool waiting =
        tool(
            "wait.tool",
            (call, context) -> {
              context.cancellation().onCancel(toolSawCancel::countDown);
              toolStarted.countDown();
              try {
                toolSawCancel.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Result.success("stopped");
            });
    Fixtures.Script model = new Fixtures.Script(propose("wait.tool", "{}"), done("never"));
    ExecutionLoop loop = ExecutionLoop.builder(model, ToolRegistry.of(waiting)).build();

    Thread canceller =
        new Thread(
            () -> {
              try {
                toolStarted.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              token.cancel();
            });
    canceller.start();
    RunResult run = loop.run("t", token);
    canceller.join();

    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(toolSawCancel.getCount()).isZero();
    assertThat(model.requests).hasSize(1);
  }

  @Test
  void listenerThatThrowsDoesNotDisturbTheRun() {
    Fixtures.Script model = new Fixtures.Script(done("fine"));
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .listener(
                event -> {
                  throw new IllegalStateException("listener bug");
                })
            .build()
            .run("t");
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
  }

  // Issue 14, item 6: errors short of the JVM's own are data, from model clients and listeners too.

  @ParameterizedTest(name = "inline: {0}")
  @ValueSource(booleans = {false, true})
  void modelClientThrowingAnAssertionErrorEndsTheRunModelFailedInsteadOfEscapingRun(
      boolean inline) {
    ExecutionLoop.Builder builder =
        ExecutionLoop.builder(
            request -> {
              throw new AssertionError("client invariant broken");
            },
            ToolRegistry.empty());
    if (inline) {
      builder.inlineTools();
    }

    RunResult run = builder.build().run("t");

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(run.code()).contains(ErrorCodes.MODEL_FAILED);
    assertThat(run.message()).contains("client invariant broken");
  }

  @ParameterizedTest(name = "inline: {0}")
  @ValueSource(booleans = {false, true})
  void jvmErrorsFromTheModelClientStillEscapeRun(boolean inline) {
    ExecutionLoop.Builder builder =
        ExecutionLoop.builder(
            request -> {
              throw new OutOfMemoryError("simulated");
            },
            ToolRegistry.empty());
    if (inline) {
      builder.inlineTools();
    }
    ExecutionLoop loop = builder.build();

    assertThatThrownBy(() -> loop.run("t"))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("simulated");
  }

  @Test
  void listenerThrowingAnAssertionErrorIsLoggedAndTheRunGoesOn() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    Fixtures.Script model = new Fixtures.Script(propose("count.tool", "{}"), done("fine"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(counting))
            .listener(
                event -> {
                  throw new AssertionError("listener invariant broken");
                })
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(calls).hasValue(1);
  }

  @Test
  void listenerThrowingAnErrorOnTheIntentLeavesNoUnknownOutcomeForACallThatNeverRan() {
    AtomicInteger calls = new AtomicInteger();
    Tool counting = tool("count.tool", (c, x) -> Result.success(calls.incrementAndGet()));
    Journal journal = Journal.inMemory();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                new Fixtures.Script(propose("count.tool", "{}"), done("fine")),
                ToolRegistry.of(counting))
            .journal(journal)
            .listener(
                event -> {
                  if (event instanceof RunEvent.ToolStarting) {
                    throw new AssertionError("listener invariant broken");
                  }
                })
            .build();

    RunResult run = loop.run("t");

    // The intent was journaled, so the tool must run and its outcome be journaled too.
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(calls).hasValue(1);
    assertThat(journal.read(run.runId()))
        .filteredOn(RunEvent.ToolFinished.class::isInstance)
        .singleElement()
        .extracting(e -> ((RunEvent.ToolFinished) e).result())
        .isInstanceOf(Result.Success.class);
    RunResult resumed =
        ExecutionLoop.builder(new Fixtures.Script(), ToolRegistry.of(counting))
            .journal(journal)
            .build()
            .resume(run.runId());
    assertThat(resumed).isEqualTo(run);
    assertThat(calls).hasValue(1);
  }
}
