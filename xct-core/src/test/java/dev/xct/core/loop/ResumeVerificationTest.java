package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelClient;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Journal;
import dev.xct.core.journal.JournalDamagedException;
import dev.xct.core.journal.JournalOptions;
import dev.xct.core.journal.SegmentEdits;
import dev.xct.core.journal.Verification;
import dev.xct.core.journal.Verification.Kind;
import dev.xct.core.tool.ToolRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume trusts only a journal whose chain holds where the run's records are: a run whose records
 * were deleted, duplicated, edited (with the edited record's own hash recomputed) or forged under a
 * signing key is refused with {@code JOURNAL_DAMAGED}, nothing runs again, and the model is not
 * asked; an expected head refuses a journal cut off before it.
 */
class ResumeVerificationTest {
  private static final byte[] KEY = "resume-test-key-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final String BUMP = propose("t.bump", "{\"n\":1}");

  @TempDir Path dir;

  private final ResumeFixtures.Counting bump = new ResumeFixtures.Counting("t.bump", false, null);

  private ExecutionLoop loop(ModelClient model, Journal journal) {
    return ExecutionLoop.builder(model, ToolRegistry.of(bump))
        .journal(journal)
        .clock(new Fixtures.TickingClock(Instant.now(), Duration.ofMillis(1)))
        .build();
  }

  /**
   * Journals run "crashed", whose process died right after step 2's intent (bump ran once, and
   * maybe twice), then a complete run "later", so that the crashed run's records sit in the middle
   * of the chain. Returns the journal options used.
   */
  private JournalOptions journal(boolean signed) {
    JournalOptions options =
        signed ? JournalOptions.builder().signingKey(KEY).build() : JournalOptions.defaults();
    try (FileJournal file = FileJournal.open(dir, options)) {
      Journal dies =
          new Journal() {
            private boolean dead;

            @Override
            public void append(RunEvent event) {
              if (dead) {
                throw new XctException("the process died");
              }
              file.append(event);
              dead = event instanceof RunEvent.ToolStarting && event.step() == 2;
            }

            @Override
            public List<RunEvent> read(String runId) {
              return file.read(runId);
            }
          };
      loop(new ResumeFixtures.ByStep(BUMP, BUMP, done("ok")), dies).run("crashed");
      ExecutionLoop later =
          ExecutionLoop.builder(new ResumeFixtures.ByStep(done("ok")), ToolRegistry.of(bump))
              .journal(file)
              .build();
      assertThat(later.run("later").status()).isEqualTo(RunStatus.DONE);
    }
    bump.executions.set(0);
    return options;
  }

  private String crashedRunId(JournalOptions options) {
    try (FileJournal file = FileJournal.openReadOnly(dir, options)) {
      return file.runIds().stream()
          .filter(
              id ->
                  file.read(id).get(0) instanceof RunEvent.RunStarted started
                      && started.task().equals("crashed"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Edits the segment's lines whose event {@code picks}. */
  private void edit(
      Predicate<String> picks, java.util.function.UnaryOperator<List<String>> change) {
    Path segment = SegmentEdits.segment(dir);
    List<String> lines = SegmentEdits.lines(segment);
    assertThat(lines).anyMatch(picks);
    SegmentEdits.write(segment, change.apply(lines));
  }

  private JournalDamagedException refusedResume(JournalOptions options, String runId) {
    try (FileJournal file = FileJournal.open(dir, options)) {
      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> loop(ResumeFixtures.silent(), file).resume(runId));
      assertThat(thrown).isInstanceOf(JournalDamagedException.class);
      assertThat(bump.executions).hasValue(0);
      return (JournalDamagedException) thrown;
    }
  }

  @Test
  void anIntactJournalStillResumes() {
    JournalOptions options = journal(false);
    String runId = crashedRunId(options);
    try (FileJournal file = FileJournal.open(dir, options)) {
      RunResult resumed =
          loop(new ResumeFixtures.ByStep(BUMP, BUMP, done("ok")), file).resume(runId);
      assertThat(resumed.status()).isEqualTo(RunStatus.DONE);
    }
  }

  @Test
  void aRunWhoseIntentRecordWasDeletedIsRefusedAndItsToolNotRunAgain() {
    JournalOptions options = journal(false);
    String runId = crashedRunId(options);
    edit(
        line -> line.contains("\"type\":\"tool_starting\"") && line.contains("\"step\":2"),
        lines -> {
          List<String> out = new ArrayList<>(lines);
          out.removeIf(
              line -> line.contains("\"type\":\"tool_starting\"") && line.contains("\"step\":2"));
          return out;
        });

    JournalDamagedException refused = refusedResume(options, runId);

    assertThat(refused.problem().kind()).isEqualTo(Kind.MISSING);
    assertThat(refused.code()).isEqualTo("JOURNAL_DAMAGED");
  }

  @Test
  void aRunWithADuplicatedRecordIsRefused() {
    JournalOptions options = journal(false);
    String runId = crashedRunId(options);
    edit(
        line -> line.contains("\"type\":\"tool_finished\""),
        lines -> {
          List<String> out = new ArrayList<>(lines);
          int at = 0;
          while (!out.get(at).contains("\"type\":\"tool_finished\"")) {
            at++;
          }
          out.add(at + 1, out.get(at));
          return out;
        });

    assertThat(refusedResume(options, runId).problem().kind()).isEqualTo(Kind.INSERTED);
  }

  @Test
  void aTaskEditedWithItsRecordsHashRecomputedIsRefused() {
    JournalOptions options = journal(false);
    String runId = crashedRunId(options);
    edit(
        line -> line.contains("\"task\":\"crashed\""),
        lines -> {
          List<String> out = new ArrayList<>(lines);
          for (int i = 0; i < out.size(); i++) {
            if (out.get(i).contains("\"task\":\"crashed\"")) {
              byte[] forged =
                  SegmentEdits.reencode(
                      out.get(i), null, e -> e.replace("crashed", "delete everything"), null);
              out.set(i, new String(forged, StandardCharsets.UTF_8));
            }
          }
          return out;
        });

    assertThat(refusedResume(options, runId).problem().kind()).isEqualTo(Kind.CHANGED);
  }

  @Test
  void aRunEndedForgedWithoutTheSigningKeyIsRefused() {
    JournalOptions options = journal(true);
    String runId = crashedRunId(options);
    edit(
        line -> true,
        lines -> {
          List<String> out = new ArrayList<>(lines);
          String last = out.get(out.size() - 1);
          long seq = Long.parseLong(last.substring(7, last.indexOf(','))) + 1;
          String event =
              "{\"type\":\"run_ended\",\"run_id\":\""
                  + runId
                  + "\",\"step\":2,\"at\":\"2025-03-01T10:00:00Z\",\"status\":\"DONE\","
                  + "\"message\":\"forged\"}";
          byte[] forged =
              new dev.xct.core.internal.journal.RecordCodec(null)
                  .encode(seq, SegmentEdits.hashOf(last), event)
                  .line();
          out.add(new String(forged, 0, forged.length - 1, StandardCharsets.UTF_8));
          return out;
        });

    assertThat(refusedResume(options, runId).problem().kind()).isEqualTo(Kind.BAD_SIGNATURE);
  }

  @Test
  void anExpectedHeadRefusesAJournalCutOffBeforeIt() {
    JournalOptions options = journal(false);
    Verification.Head head;
    try (FileJournal file = FileJournal.openReadOnly(dir, options)) {
      head = file.verify().head().orElseThrow();
    }
    edit(
        line -> true,
        lines -> new ArrayList<>(lines.subList(0, lines.size() - 3))); // the later run, cut short

    JournalOptions expecting = JournalOptions.builder().expectedHead(head).build();
    assertThatThrownBy(() -> FileJournal.open(dir, expecting))
        .isInstanceOf(JournalDamagedException.class)
        .satisfies(
            e ->
                assertThat(((JournalDamagedException) e).problem().kind())
                    .isEqualTo(Kind.TRUNCATED));
    // Without the expected head the shorter chain is, as documented, indistinguishable.
    try (FileJournal file = FileJournal.open(dir, options)) {
      assertThat(file.verify().intact()).isTrue();
    }
  }
}
