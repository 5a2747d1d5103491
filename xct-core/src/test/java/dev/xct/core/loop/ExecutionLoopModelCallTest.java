package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Budgets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Issue 14, item 7: a model call in flight does not hold a cancelled run, or one out of time; the
 * client gets the run's cancellation and deadline in its request.
 */
class ExecutionLoopModelCallTest {
  private static final Duration LONG = Duration.ofSeconds(30);

  /**
   * A model that answers only when the test lets it, ignoring cancellation and interrupts, as a
   * blocking client with a long timeout of its own does.
   */
  private static final class Stubborn implements ModelClient {
    final CountDownLatch asked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch returned = new CountDownLatch(1);
    final CountDownLatch sawCancel = new CountDownLatch(1);
    volatile ModelRequest request;

    @Override
    public ModelReply next(ModelRequest request) {
      this.request = request;
      request.cancellation().onCancel(sawCancel::countDown);
      asked.countDown();
      long until = System.nanoTime() + LONG.toNanos();
      try {
        while (true) {
          try {
            if (release.await(until - System.nanoTime(), TimeUnit.NANOSECONDS)) {
              return ModelReply.of(done("too late"));
            }
            throw new IllegalStateException("the model's own timeout");
          } catch (InterruptedException e) {
            // Ignored on purpose: this client does not stop when asked.
          }
        }
      } finally {
        returned.countDown();
      }
    }
  }

  private static void cancelWhenAsked(Stubborn model, CancellationToken token) {
    Thread canceller =
        new Thread(
            () -> {
              try {
                model.asked.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              token.cancel();
            });
    canceller.setDaemon(true);
    canceller.start();
  }

  @Test
  void cancellingWhileTheModelWorksEndsTheRunCancelledWithoutWaitingForTheModel() throws Exception {
    Stubborn model = new Stubborn();
    Journal journal = Journal.inMemory();
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.empty()).journal(journal).build();
    CancellationToken token = CancellationToken.create();
    cancelWhenAsked(model, token);
    long started = System.nanoTime();

    RunResult run = loop.run("t", token);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LONG.dividedBy(3));
    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.code()).contains(ErrorCodes.CANCELLED);
    assertThat(model.sawCancel.await(10, TimeUnit.SECONDS)).isTrue();
    // The reply that comes after the end is dropped: no step, nothing journaled after RunEnded.
    model.release.countDown();
    assertThat(model.returned.await(10, TimeUnit.SECONDS)).isTrue();
    List<RunEvent> events = journal.read(run.runId());
    assertThat(events).noneMatch(RunEvent.ModelReplied.class::isInstance);
    assertThat(events)
        .last()
        .isInstanceOfSatisfying(
            RunEvent.RunEnded.class, e -> assertThat(e.status()).isEqualTo(RunStatus.CANCELLED));
    assertThat(run.steps()).isEmpty();
  }

  @Test
  void modelCallOutlivingTheRunsTimeBudgetEndsTheRunLimitReachedAtTheDeadline() throws Exception {
    Stubborn model = new Stubborn();
    Journal journal = Journal.inMemory();
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .journal(journal)
            .budgets(Budgets.builder().maxDuration(Duration.ofMillis(300)).build())
            .build();
    long started = System.nanoTime();

    RunResult run = loop.run("t");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LONG.dividedBy(3));
    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.DEADLINE_EXCEEDED);
    assertThat(model.sawCancel.await(10, TimeUnit.SECONDS)).isTrue();
    model.release.countDown();
    assertThat(model.returned.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(journal.read(run.runId())).noneMatch(RunEvent.ModelReplied.class::isInstance);
  }

  @Test
  void clientThatStopsWhenItsRequestIsCancelledEndsAnInlineRunCancelledNotModelFailed() {
    ModelClient cooperative =
        request -> {
          CountDownLatch cancelled = new CountDownLatch(1);
          request.cancellation().onCancel(cancelled::countDown);
          try {
            if (!cancelled.await(LONG.toMillis(), TimeUnit.MILLISECONDS)) {
              throw new IllegalStateException("the model's own timeout");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("aborted: the request was cancelled");
        };
    CancellationToken token = CancellationToken.create();
    Thread canceller = new Thread(token::cancel);
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request -> {
                  canceller.start();
                  return cooperative.next(request);
                },
                ToolRegistry.empty())
            .inlineTools()
            .build();

    RunResult run = loop.run("t", token);

    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.code()).contains(ErrorCodes.CANCELLED);
  }

  @Test
  void requestCarriesTheRunsDeadlineAndAFreshTokenForEachCall() {
    Fixtures.TickingClock clock =
        new Fixtures.TickingClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(1));
    Fixtures.Script model =
        new Fixtures.Script(propose("t.ok", "{}"), propose("t.ok", "{}"), done("ok"));
    ToolSpec spec = ToolSpec.builder("t.ok").build();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                model,
                ToolRegistry.of(
                    new dev.xct.core.tool.Tool() {
                      @Override
                      public ToolSpec spec() {
                        return spec;
                      }

                      @Override
                      public Result execute(
                          dev.xct.core.tool.ToolCall call, dev.xct.core.tool.ToolContext context) {
                        return Result.success("ok");
                      }
                    }))
            .clock(clock)
            .budgets(Budgets.builder().maxDuration(Duration.ofMinutes(7)).build())
            .build();

    RunResult run = loop.run("t");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(model.requests).hasSize(3);
    assertThat(model.requests)
        .allSatisfy(
            r -> {
              assertThat(r.deadline()).isEqualTo(run.startedAt().plus(Duration.ofMinutes(7)));
              assertThat(r.clock()).isSameAs(clock);
              assertThat(r.isCancelled()).isFalse();
            });
    assertThat(model.requests).extracting(ModelRequest::cancellation).doesNotHaveDuplicates();
  }

  @Test
  void timeBudgetOfCenturiesDoesNotOverflowTheWaitForTheModel() {
    Fixtures.Script model = new Fixtures.Script(done("ok"));
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .budgets(Budgets.builder().maxDuration(Duration.ofDays(365L * 1000)).build())
            .build();

    assertThat(loop.run("t").status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void modelCallRunsOnAWorkerThreadThatCarriesTheRunsMdc() {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread caller = Thread.currentThread();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request -> {
                  seen.add(
                      (Thread.currentThread() == caller ? "caller" : "worker")
                          + " "
                          + MDC.get("xct.run_id")
                          + "/"
                          + MDC.get("xct.step"));
                  return ModelReply.of(done("ok"));
                },
                ToolRegistry.empty())
            .runIds(() -> "run-7")
            .build();

    assertThat(loop.run("t").status()).isEqualTo(RunStatus.DONE);
    assertThat(seen).containsExactly("worker run-7/1");
  }

  @Test
  void aModelCallTheExecutorRefusesIsMadeOnTheRunsOwnThread() {
    List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService refusing = Executors.newSingleThreadExecutor();
    refusing.shutdown();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request -> {
                  callers.add(Thread.currentThread());
                  return ModelReply.of(done("ok"));
                },
                ToolRegistry.empty())
            .toolExecutor(refusing)
            .build();

    assertThat(loop.run("t").status()).isEqualTo(RunStatus.DONE);
    assertThat(callers).containsExactly(Thread.currentThread());
  }

  @Test
  void aClientThatHonoursCancellationIsCalledOnTheRunsThreadAndStillEndsACancelledRunAtOnce()
      throws Exception {
    List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch asked = new CountDownLatch(1);
    ModelClient honouring =
        new ModelClient() {
          @Override
          public ModelReply next(ModelRequest request) {
            callers.add(Thread.currentThread());
            asked.countDown();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!request.isCancelled() && System.nanoTime() < giveUp) {
              Thread.onSpinWait();
            }
            throw new IllegalStateException("aborted: the request was cancelled");
          }

          @Override
          public boolean honoursCancellation() {
            return true;
          }
        };
    CancellationToken token = CancellationToken.create();
    ExecutionLoop loop = ExecutionLoop.builder(honouring, ToolRegistry.empty()).build();
    CompletableFuture<Thread> runThread = new CompletableFuture<>();
    CompletableFuture<RunResult> run =
        CompletableFuture.supplyAsync(
            () -> {
              runThread.complete(Thread.currentThread());
              return loop.run("t", token);
            });

    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    long cancelled = System.nanoTime();
    token.cancel();
    RunResult result = run.get(10, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(callers).containsExactly(runThread.get());
    assertThat(System.nanoTime() - cancelled).isLessThan(TimeUnit.SECONDS.toNanos(5));
  }
}
