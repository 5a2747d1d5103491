package dev.xct.core.journal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ApprovalWorld;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pauses a run for a person in one JVM, answers it in a second and, when that one is killed with
 * SIGKILL at a window of deciding and resuming, resumes it in a third: the answer is never lost
 * once journaled, never counts twice, and the approved removal runs at most once (exactly once
 * unless the kill left its outcome unknown).
 */
class ApprovalCrashTest {
  static final String RUN = "paused";
  private static final ActionDigest ACTION =
      ActionDigest.of("files.remove", JsonValue.parse("{\"name\":\"notes.txt\"}"));

  @TempDir static Path jvmDir;
  private static ChildJvm jvm;

  @TempDir Path root;

  @BeforeAll
  static void jvm() throws IOException, InterruptedException {
    jvm = new ChildJvm(jvmDir);
  }

  /** What each child does; runs inside {@link CrashChild}. */
  static void child(String mode, Journal journal, Path work, String runId, CrashWorld.Hooks hooks) {
    ExecutionLoop loop =
        ApprovalWorld.loop(
                work, journal, Clock.systemUTC(), runId, ApprovalWorld.policy(), hooks::at)
            .build();
    switch (mode) {
      case "approval-start" -> loop.run("tidy up");
      case "approval-decide" ->
          loop.approvals().decide(runId, ApprovalAnswer.approve(ACTION, "alice"));
      default -> loop.resume(runId);
    }
  }

  @Test
  void aRunPausedInOneJvmIsApprovedInASecondAndTheToolRunsExactlyOnce() throws Exception {
    Path journal = prepare();
    assertThat(child("approval-start", journal, null)).isNull();
    assertThat(child("approval-decide", journal, null)).isNull();

    RunResult result = check(journal);
    assertThat(result.steps().get(0).executed()).isTrue();
    assertThat(ApprovalWorld.removals(root)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEFORE_DECISION",
        "TORN_DECISION",
        "AFTER_DECISION",
        "AFTER_RESUMED",
        "BEFORE_INTENT",
        "TORN_INTENT",
        "AFTER_INTENT",
        "MID_TOOL_BEFORE_EFFECT",
        "MID_TOOL_AFTER_EFFECT",
        "BEFORE_OUTCOME"
      })
  void aKillWhileDecidingOrResumingNeitherLosesTheAnswerNorRunsTheToolTwice(String window)
      throws Exception {
    Path journal = prepare();
    assertThat(child("approval-start", journal, null)).isNull();

    // The resume's own event counts the steps completed before it: none.
    int step = window.equals("AFTER_RESUMED") ? 0 : 1;
    String killed = child("approval-decide", journal, window + " " + RUN + " " + step);

    assertThat(killed).as("the decider paused at %s and was killed", window).isEqualTo(window);
    boolean journaled = !window.equals("BEFORE_DECISION") && !window.equals("TORN_DECISION");
    try (FileJournal file = FileJournal.open(journal)) {
      long accepted = accepted(file);
      assertThat(accepted)
          .as("the answer is journaled from its own window on")
          .isEqualTo(journaled ? 1 : 0);
    }
    // A third JVM carries the answer out; if it was never journaled, it is given again.
    assertThat(child(journaled ? "approval-resume" : "approval-decide", journal, null)).isNull();
    RunResult result = check(journal);
    Step first = result.steps().get(0);
    long removals = ApprovalWorld.removals(root);
    assertThat(removals).as("the removal never runs twice").isLessThanOrEqualTo(1);
    if (first.result().orElseThrow() instanceof Result.Failure failure) {
      assertThat(failure.code()).isEqualTo(ErrorCodes.OUTCOME_UNKNOWN);
      assertThat(
              List.of(
                  "AFTER_INTENT",
                  "MID_TOOL_BEFORE_EFFECT",
                  "MID_TOOL_AFTER_EFFECT",
                  "BEFORE_OUTCOME"))
          .as("only a kill between the intent and the outcome leaves it unknown")
          .contains(window);
    } else {
      assertThat(removals).isEqualTo(1);
    }
  }

  private Path prepare() throws IOException {
    Files.writeString(root.resolve("notes.txt"), "keep me?");
    return root.resolve("journal");
  }

  /** Checks the run resumed to its end in this JVM; a further answer is refused and recorded. */
  private RunResult check(Path journal) throws IOException {
    try (FileJournal file = FileJournal.open(journal)) {
      ExecutionLoop loop =
          ApprovalWorld.loop(root, file, Clock.systemUTC(), RUN, ApprovalWorld.policy()).build();
      RunResult result = loop.resume(RUN);
      assertThat(result.status()).isEqualTo(RunStatus.DONE);
      assertThat(accepted(file)).as("exactly one answer counted").isEqualTo(1);
      ApprovalOutcome again = loop.approvals().decide(RUN, ApprovalAnswer.approve(ACTION, "bob"));
      assertThat(again).isInstanceOf(ApprovalOutcome.Refused.class);
      assertThat(((ApprovalOutcome.Refused) again).code())
          .isEqualTo(ApprovalOutcome.Refused.ALREADY_DECIDED);
      assertThat(file.verify().intact()).isTrue();
      return result;
    }
  }

  private static long accepted(FileJournal file) {
    return file.read(RUN).stream()
        .filter(e -> e instanceof RunEvent.ApprovalDecided d && d.accepted())
        .count();
  }

  /** Runs a child to its end (null), or kills it where it pauses and returns that window. */
  private String child(String mode, Path journal, String pauseAt)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(jvm.command(mode, journal.toString(), root.toString(), "FORCE", RUN));
    builder.redirectError(root.resolve(mode + ".err").toFile());
    if (pauseAt != null) {
      builder.environment().put("XCT_CRASH_PAUSE", pauseAt);
    }
    Process process = builder.start();
    try {
      String killed = null;
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith(CrashChild.MARK + "PAUSED ")) {
            killed = line.substring((CrashChild.MARK + "PAUSED ").length()).split(" ")[0];
            process.destroyForcibly();
            break;
          }
        }
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", mode).isTrue();
      if (killed == null) {
        assertThat(process.exitValue())
            .as("%s failed: %s", mode, Files.readString(root.resolve(mode + ".err")))
            .isZero();
      }
      return killed;
    } finally {
      process.destroyForcibly();
    }
  }
}
