package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static dev.xct.core.loop.ResumeFixtures.at;
import static dev.xct.core.loop.ResumeFixtures.crashedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.journal.ResumePolicy;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ExecutionLoopResumeTest {
  private static final String BUMP = propose("t.bump", "{\"n\":1}");
  private static final String SET = propose("t.set", "{\"n\":2}");

  private final ResumeFixtures.Counting bump = new ResumeFixtures.Counting("t.bump", false, null);
  private final ResumeFixtures.Counting set =
      new ResumeFixtures.Counting("t.set", true, JsonValue.parse("{\"present\":true}"));

  private ExecutionLoop.Builder loop(ModelClient model, Journal journal) {
    return ExecutionLoop.builder(model, ToolRegistry.of(bump, set))
        .journal(journal)
        .clock(new Fixtures.TickingClock(Instant.now(), Duration.ofMillis(1)));
  }

  /** Runs bump, set, done to the end with a journal and returns every journaled event. */
  private List<RunEvent> completeRun() {
    Journal journal = Journal.inMemory();
    RunResult run =
        loop(new ResumeFixtures.ByStep(BUMP, SET, done("ok")), journal)
            .runIds(() -> "run-1")
            .build()
            .run("task");
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    bump.executions.set(0);
    set.executions.set(0);
    return journal.read("run-1");
  }

  @Test
  void resumingAnEndedRunReturnsItsResultWithoutCallingTheModel() {
    Journal journal = Journal.inMemory();
    RunResult original =
        loop(new ResumeFixtures.ByStep(BUMP, SET, done("ok")), journal).build().run("task");

    RunResult resumed = loop(ResumeFixtures.silent(), journal).build().resume(original.runId());

    assertThat(resumed).isEqualTo(original);
    assertThat(bump.executions).hasValue(1);
  }

  @Test
  void resumingNeedsAJournalAndAKnownRun() {
    ExecutionLoop withoutJournal =
        ExecutionLoop.builder(ResumeFixtures.silent(), ToolRegistry.of(bump)).build();
    assertThatThrownBy(() -> withoutJournal.resume("r"))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("needs a journal");
    assertThatThrownBy(() -> loop(ResumeFixtures.silent(), Journal.inMemory()).build().resume("r"))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("no run with id 'r'");
  }

  @Test
  void aNonIdempotentToolWhoseOutcomeIsUnknownIsNeverRunAgainAndTheModelIsTold() {
    Journal journal = crashedAt(completeRun(), at(RunEvent.ToolFinished.class, 1));
    ResumeFixtures.ByStep model = new ResumeFixtures.ByStep(BUMP, SET, done("ok"));

    RunResult run =
        loop(model, journal).resumePolicy(ResumePolicy.RERUN_IDEMPOTENT).build().resume("run-1");

    assertThat(bump.executions).hasValue(0);
    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.steps()).extracting(Step::number).containsExactly(1, 2, 3);
    Step first = run.steps().get(0);
    assertThat(first.executed()).isTrue();
    Result.Failure unknown = (Result.Failure) first.result().orElseThrow();
    assertThat(unknown.code()).isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
    assertThat(unknown.details().toJson()).contains("\"tool\":\"t.bump\"", "\"idempotent\":false");
    assertThat(model.requests).extracting(r -> r.step()).containsExactly(2, 3);
    assertThat(model.requests.get(0).transcript()).containsExactly(first);
    assertThat(set.executions).hasValue(1);
    List<RunEvent> events = journal.read("run-1");
    assertThat(events).filteredOn(RunEvent.RunResumed.class::isInstance).hasSize(1);
    assertThat(events.get(events.size() - 1)).isInstanceOf(RunEvent.RunEnded.class);
  }

  @Test
  void anIdempotentToolIsReportedByDefaultWithItsCheck() {
    Journal journal = crashedAt(completeRun(), at(RunEvent.ToolFinished.class, 2));

    RunResult run =
        loop(new ResumeFixtures.ByStep(BUMP, SET, done("ok")), journal).build().resume("run-1");

    assertThat(set.executions).hasValue(0);
    Result.Failure unknown = (Result.Failure) run.steps().get(1).result().orElseThrow();
    assertThat(unknown.code()).isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
    assertThat(unknown.details().toJson())
        .contains("\"idempotent\":true", "\"check\":{\"present\":true}");
  }

  @Test
  void anIdempotentToolIsRunOnceMoreWhenThePolicyAllowsWithAFreshIntent() {
    Journal journal = crashedAt(completeRun(), at(RunEvent.ToolFinished.class, 2));

    RunResult run =
        loop(new ResumeFixtures.ByStep(BUMP, SET, done("ok")), journal)
            .resumePolicy(ResumePolicy.RERUN_IDEMPOTENT)
            .build()
            .resume("run-1");

    assertThat(set.executions).hasValue(1);
    assertThat(bump.executions).hasValue(0);
    assertThat(run.steps().get(1).result().orElseThrow().isSuccess()).isTrue();
    assertThat(journal.read("run-1"))
        .filteredOn(e -> e instanceof RunEvent.ToolStarting && e.step() == 2)
        .hasSize(2);
  }

  @Test
  void aCallWhoseArgumentsWereRedactedIsNotRerunEvenIfIdempotent() {
    String secret = propose("t.set", "{\"password\":\"hunter2\"}");
    Journal full = Journal.inMemory();
    loop(new ResumeFixtures.ByStep(secret, done("ok")), full).runIds(() -> "r").build().run("t");
    set.executions.set(0);
    Journal journal = crashedAt(full.read("r"), at(RunEvent.ToolFinished.class, 1));

    RunResult run =
        loop(new ResumeFixtures.ByStep(secret, done("ok")), journal)
            .resumePolicy(ResumePolicy.RERUN_IDEMPOTENT)
            .build()
            .resume("r");

    assertThat(set.executions).hasValue(0);
    assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
    assertThat(journal.read("r").toString()).doesNotContain("hunter2");
  }

  @Test
  void aToolThatFinishedBeforeTheCrashKeepsItsJournaledOutcome() {
    Journal journal = crashedAt(completeRun(), at(RunEvent.StepCompleted.class, 1));

    RunResult run =
        loop(new ResumeFixtures.ByStep(BUMP, SET, done("ok")), journal).build().resume("run-1");

    assertThat(bump.executions).hasValue(0);
    Step first = run.steps().get(0);
    assertThat(first.executed()).isTrue();
    assertThat(first.result().orElseThrow())
        .isEqualTo(Result.success(java.util.Map.of("count", 1)));
    assertThat(run.steps()).hasSize(3);
  }

  @Test
  void aStepInterruptedBeforeItsIntentIsAskedAgainAndRunsOnce() {
    Journal journal = crashedAt(completeRun(), at(RunEvent.ToolStarting.class, 2));
    ResumeFixtures.ByStep model = new ResumeFixtures.ByStep(BUMP, SET, done("ok"));

    RunResult run = loop(model, journal).build().resume("run-1");

    assertThat(model.requests).extracting(r -> r.step()).containsExactly(2, 3);
    assertThat(set.executions).hasValue(1);
    assertThat(bump.executions).hasValue(0);
    assertThat(run.steps()).extracting(Step::number).containsExactly(1, 2, 3);
    assertThat(run.executions()).isEqualTo(2);
  }

  @Test
  void aRunThatHadFinishedItsLastStepEndsWithoutAskingTheModel() {
    Journal journal = crashedAt(completeRun(), RunEvent.RunEnded.class::isInstance);

    RunResult run = loop(ResumeFixtures.silent(), journal).build().resume("run-1");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.message()).isEqualTo("ok");
    assertThat(run.steps()).hasSize(3);
  }

  @Test
  void aResumedRunKeepsItsOriginalStartAndSoItsDeadline() {
    Journal journal = Journal.inMemory();
    journal.append(new RunEvent.RunStarted("old", 0, Instant.parse("2020-01-01T00:00:00Z"), "t"));

    RunResult run = loop(ResumeFixtures.silent(), journal).build().resume("old");

    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.DEADLINE_EXCEEDED);
    assertThat(run.startedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
  }

  @Test
  void aRunCannotBeResumedWhileItIsStillRunning() throws Exception {
    Journal journal = Journal.inMemory();
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ModelClient blocking =
        request -> {
          asked.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return dev.xct.core.ModelReply.of(done("ok"));
        };
    ExecutionLoop loop = loop(blocking, journal).runIds(() -> "busy").build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<RunResult> running = pool.submit(() -> loop.run("t"));
      asked.await();

      assertThatThrownBy(() -> loop.resume("busy"))
          .isInstanceOf(XctException.class)
          .hasMessageContaining("still running");

      release.countDown();
      assertThat(running.get().status()).isEqualTo(RunStatus.DONE);
      assertThat(loop.resume("busy").status()).isEqualTo(RunStatus.DONE);
    } finally {
      pool.shutdownNow();
    }
  }
}
