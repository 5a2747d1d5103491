package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionLoopJournalTest {
  private static final String BUMP = propose("t.bump", "{\"n\":1}");

  @TempDir Path dir;

  private final ResumeFixtures.Counting bump = new ResumeFixtures.Counting("t.bump", false, null);
  private final List<RunEvent> seen = new CopyOnWriteArrayList<>();

  /** A journal that records into memory and fails on the events {@code fails} picks. */
  private static Journal failingOn(Predicate<RunEvent> fails, List<RunEvent> into) {
    return new Journal() {
      @Override
      public void append(RunEvent event) {
        if (fails.test(event)) {
          throw new XctException("disk full");
        }
        into.add(event);
      }

      @Override
      public List<RunEvent> read(String runId) {
        return List.copyOf(into);
      }
    };
  }

  private RunResult run(Journal journal, String... replies) {
    return ExecutionLoop.builder(new ResumeFixtures.ByStep(replies), ToolRegistry.of(bump))
        .journal(journal)
        .listener(seen::add)
        .clock(new Fixtures.TickingClock(java.time.Instant.now(), java.time.Duration.ofMillis(1)))
        .build()
        .run("task");
  }

  @Test
  void aToolWhoseIntentCannotBeJournaledDoesNotRunAndTheRunStops() {
    List<RunEvent> journaled = new ArrayList<>();

    RunResult run =
        run(failingOn(RunEvent.ToolStarting.class::isInstance, journaled), BUMP, BUMP, done("x"));

    assertThat(bump.executions).hasValue(0);
    assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.code()).contains(ErrorCodes.JOURNAL_FAILED);
    assertThat(run.steps()).hasSize(1);
    Step step = run.steps().get(0);
    assertThat(step.executed()).isFalse();
    assertThat(((Result.Failure) step.result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.JOURNAL_FAILED);
    assertThat(seen).noneMatch(RunEvent.ToolStarting.class::isInstance);
    assertThat(seen.get(seen.size() - 1)).isInstanceOf(RunEvent.RunEnded.class);
    assertThat(journaled).last().isInstanceOf(RunEvent.RunEnded.class);
  }

  @Test
  void aRunWhoseStartCannotBeJournaledNeverAsksTheModel() {
    RunResult run =
        ExecutionLoop.builder(ResumeFixtures.silent(), ToolRegistry.of(bump))
            .journal(failingOn(e -> true, new ArrayList<>()))
            .listener(seen::add)
            .build()
            .run("task");

    assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.code()).contains(ErrorCodes.JOURNAL_FAILED);
    assertThat(run.steps()).isEmpty();
    assertThat(seen).singleElement().isInstanceOf(RunEvent.RunEnded.class);
  }

  @Test
  void aLostOutcomeStopsTheRunBeforeTheNextModelCall() {
    RunResult run =
        run(failingOn(RunEvent.ToolFinished.class::isInstance, new ArrayList<>()), BUMP, BUMP);

    assertThat(bump.executions).hasValue(1);
    assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(run.code()).contains(ErrorCodes.JOURNAL_FAILED);
    assertThat(run.steps()).hasSize(1);
  }

  @Test
  void listenersSeeTheFileJournalsFactsInOrderAndANoticeOfEachStepItDerives() {
    try (FileJournal journal = FileJournal.open(dir)) {
      RunResult run = run(journal, BUMP, "garbage", BUMP, done("ok"));

      assertThat(run.status()).isEqualTo(RunStatus.DONE);
      assertThat(journal.read(run.runId())).isEqualTo(Fixtures.facts(seen));
      assertThat(seen)
          .filteredOn(RunEvent.StepCompleted.class::isInstance)
          .extracting(e -> ((RunEvent.StepCompleted) e).record())
          .isEqualTo(run.steps());
      assertThat(journal.read(run.runId())).noneMatch(RunEvent.StepCompleted.class::isInstance);
      assertThat(journal.verify().intact()).isTrue();
    }
  }

  @Test
  void anEmptyDoneMessageIsJournaledAsEmptyNotMissing() {
    StringWriter lines = new StringWriter();
    RunResult run =
        ExecutionLoop.builder(new ResumeFixtures.ByStep(done("")), ToolRegistry.of(bump))
            .listener(JsonLinesEventWriter.to(lines))
            .build()
            .run("task");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(lines.toString())
        .contains("\"decision\":{\"done\":true,\"message\":\"\"}")
        .doesNotContain("\"decision\":{\"done\":true}");
  }

  @Test
  void secretsAreMaskedInTheJournalListenersAndEventFileButNotForTheToolOrTheModel() {
    String login = propose("t.bump", "{\"user\":\"ann\",\"api_key\":\"sk-123\"}");
    StringWriter lines = new StringWriter();
    Journal journal = Journal.inMemory();
    List<dev.xct.core.tool.ToolCall> calls = new CopyOnWriteArrayList<>();
    dev.xct.core.tool.Tool tool =
        new dev.xct.core.tool.Tool() {
          @Override
          public dev.xct.core.tool.ToolSpec spec() {
            return dev.xct.core.tool.ToolSpec.builder("t.bump").build();
          }

          @Override
          public Result execute(
              dev.xct.core.tool.ToolCall call, dev.xct.core.tool.ToolContext context) {
            calls.add(call);
            return Result.success(java.util.Map.of("session_token", "tok-456"));
          }
        };
    ResumeFixtures.ByStep model = new ResumeFixtures.ByStep(login, done("ok"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(tool))
            .journal(journal)
            .listener(JsonLinesEventWriter.to(lines))
            .build()
            .run("task");

    assertThat(calls.get(0).arguments().toJson()).contains("sk-123");
    assertThat(model.requests.get(1).messages().toString()).contains("tok-456");
    assertThat(run.steps().get(0).rawReply()).contains("sk-123");
    String recorded = journal.read(run.runId()).toString() + lines;
    assertThat(recorded).doesNotContain("sk-123", "tok-456").contains("[REDACTED]", "ann");
  }

  @Test
  void aRejectedReplyWhoseTextIsMaskedKeepsItsFaultInTheRecord() {
    String truncated = "{\"next_step\":{\"tool\":\"t.bump\",\"arguments\":{\"password\":\"pw-9";
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    dev.xct.core.ModelClient model =
        request ->
            request.step() == 1
                ? dev.xct.core.ModelReply.rejected(
                    truncated,
                    dev.xct.core.TokenUsage.unknown(),
                    Result.failure(ErrorCodes.OUTPUT_TRUNCATED, "the reply was cut off"))
                : dev.xct.core.ModelReply.of(done("ok"));

    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of())
            .journal(Journal.inMemory())
            .listener(seen::add)
            .build()
            .run("task");

    assertThat(run.steps().get(0).result().orElseThrow())
        .isInstanceOfSatisfying(
            Result.Failure.class, f -> assertThat(f.code()).isEqualTo(ErrorCodes.OUTPUT_TRUNCATED));
    RunEvent.ModelReplied replied =
        seen.stream()
            .filter(RunEvent.ModelReplied.class::isInstance)
            .map(RunEvent.ModelReplied.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(replied.reply().text()).doesNotContain("pw-9");
    assertThat(replied.reply().fault())
        .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo(ErrorCodes.OUTPUT_TRUNCATED));
  }
}
