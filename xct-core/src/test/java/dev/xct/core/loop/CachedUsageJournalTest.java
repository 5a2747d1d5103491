package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Journal;
import dev.xct.core.tool.ToolRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached prompt tokens survive the journal file: per step, in the total, and across a resume. */
class CachedUsageJournalTest {
  private static final List<TokenUsage> USAGE =
      List.of(
          new TokenUsage(2_000, 40, 0),
          new TokenUsage(2_100, 30, 1_920),
          new TokenUsage(2_200, 10, 2_048));
  private static final List<String> REPLIES =
      List.of(propose("t.bump", "{\"n\":1}"), propose("t.bump", "{\"n\":2}"), done("ok"));

  @TempDir Path dir;

  private final AtomicInteger calls = new AtomicInteger();
  private final ModelClient model =
      request -> {
        calls.incrementAndGet();
        int i = request.step() - 1;
        return new ModelReply(REPLIES.get(i), USAGE.get(i));
      };

  private RunResult run(Journal journal, boolean resume) {
    ExecutionLoop loop =
        ExecutionLoop.builder(
                model, ToolRegistry.of(new ResumeFixtures.Counting("t.bump", false, null)))
            .journal(journal)
            .runIds(() -> "run-1")
            .clock(
                new Fixtures.TickingClock(
                    Instant.parse("2026-12-06T09:00:00Z"), Duration.ofMillis(1)))
            .build();
    return resume ? loop.resume("run-1") : loop.run("task");
  }

  @Test
  void aRunReportsCachedPromptTokensPerStepAndInTotal() throws Exception {
    try (FileJournal journal = FileJournal.open(dir.resolve("a"))) {
      RunResult result = run(journal, false);

      assertThat(result.steps()).extracting(Step::usage).containsExactlyElementsOf(USAGE);
      assertThat(result.usage()).isEqualTo(new TokenUsage(6_300, 80, 3_968));
      assertThat(result.usage().uncachedPromptTokens()).isEqualTo(2_332);
    }
  }

  @Test
  void aRunResumedFromItsJournalFileKeepsTheCachedTokensCountedBeforeTheCrash() throws Exception {
    List<RunEvent> events;
    RunResult original;
    try (FileJournal journal = FileJournal.open(dir.resolve("a"))) {
      original = run(journal, false);
      events = journal.read("run-1");
    }
    try (FileJournal crashed = FileJournal.open(dir.resolve("b"))) {
      events.stream()
          .takeWhile(e -> !(e instanceof RunEvent.ModelReplied && e.step() == 3))
          .forEach(crashed::append);
    }
    calls.set(0);

    try (FileJournal reopened = FileJournal.open(dir.resolve("b"))) {
      RunResult resumed = run(reopened, true);

      assertThat(calls).hasValue(1);
      assertThat(resumed.status()).isEqualTo(RunStatus.DONE);
      assertThat(resumed.usage()).isEqualTo(original.usage());
      assertThat(resumed.steps()).extracting(Step::usage).containsExactlyElementsOf(USAGE);
    }
  }
}
