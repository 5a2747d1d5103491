package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.ApprovalOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip of a deferred approval as a newcomer types it, each command its own process:
 * {@code xct run --approve defer} pauses, {@code xct approvals list} shows the request, {@code xct
 * approve} (or {@code xct deny}) answers and resumes; a second answer is refused.
 */
class ApprovalsIT {
  private static final List<String> REPLIES =
      List.of(
          "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"notes.txt\",\"content\":\"hi\"},\"goal\":\"note\"}}",
          "{\"done\":true,\"message\":\"the note is answered\"}");

  @TempDir Path dir;
  LoopbackModel model;

  @BeforeEach
  void setUp() throws IOException {
    model = LoopbackModel.replying(REPLIES);
    Files.createDirectory(dir.resolve("ws"));
    Files.writeString(
        dir.resolve("policy.yaml"),
        """
        version: 1
        roots: [{path: ., access: read-write}]
        tools: ["fs.read", "fs.write"]
        rules:
          - allow: fs.read
          - ask: fs.write
        """);
  }

  @AfterEach
  void stopServer() {
    model.close();
  }

  private Xct.Outcome xct(String... args) {
    return Xct.run(dir, model.environment(), args);
  }

  private Xct.Outcome answer(String command, String runId, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                command,
                runId,
                "--journal",
                "journal",
                "--policy",
                "policy.yaml",
                "--workspace",
                "ws",
                "--by",
                "alice"));
    args.addAll(List.of(extra));
    return xct(args.toArray(String[]::new));
  }

  /** Runs until the pause and returns the run id that the list shows. */
  private String paused() {
    Xct.Outcome run =
        xct(
            "run",
            "--policy",
            "policy.yaml",
            "--workspace",
            "ws",
            "--durable-journal",
            "journal",
            "--approve",
            "defer",
            "Leave a note");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(5);
    assertThat(run.out())
        .contains("AWAITING_APPROVAL (APPROVAL_PENDING)")
        .contains("xct approvals list --journal journal");
    assertThat(dir.resolve("ws/notes.txt")).doesNotExist();

    Xct.Outcome list = xct("approvals", "list", "--journal", "journal");
    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.out())
        .contains("fs.write")
        .contains("\"content\":\"hi\"")
        .contains("policy rule")
        .contains("+hi")
        .contains("action:");
    return list.out()
        .lines()
        .filter(line -> line.startsWith("run "))
        .findFirst()
        .orElseThrow()
        .split("\\s+")[1];
  }

  @Test
  void approvingInAnotherProcessRunsTheWriteOnceAndASecondAnswerIsRefused() throws IOException {
    String runId = paused();

    Xct.Outcome approve = answer("approve", runId);

    assertThat(approve.exitCode()).as(approve.all()).isZero();
    assertThat(approve.out()).contains("DONE");
    assertThat(Files.readString(dir.resolve("ws/notes.txt"))).isEqualTo("hi");
    assertThat(xct("approvals", "list", "--journal", "journal").out())
        .contains("no run waits for approval");

    Xct.Outcome again = answer("deny", runId, "--reason", "changed my mind");
    assertThat(again.exitCode()).as(again.all()).isEqualTo(6);
    assertThat(again.err()).contains(ApprovalOutcome.Refused.ALREADY_DECIDED);
    assertThat(model.calls()).isEqualTo(2);
  }

  @Test
  void aDenialInAnotherProcessTellsTheModelTheReasonAndWritesNothing() {
    String runId = paused();

    Xct.Outcome deny = answer("deny", runId, "--reason", "not in this directory");

    assertThat(deny.exitCode()).as(deny.all()).isZero();
    assertThat(dir.resolve("ws/notes.txt")).doesNotExist();
    try (FileJournal journal = FileJournal.openReadOnly(dir.resolve("journal"))) {
      List<RunEvent> events = journal.read(runId);
      assertThat(events)
          .filteredOn(RunEvent.ApprovalDecided.class::isInstance)
          .singleElement()
          .satisfies(
              d -> assertThat(((RunEvent.ApprovalDecided) d).decidedBy()).isEqualTo("alice"));
      assertThat(events)
          .filteredOn(RunEvent.VerdictIssued.class::isInstance)
          .map(e -> ((RunEvent.VerdictIssued) e).verdict().verdict().toString())
          .anyMatch(
              v -> v.contains(ErrorCodes.APPROVAL_DENIED) && v.contains("not in this directory"));
    }
  }

  @Test
  void aTargetWrittenAfterThePreviewVoidsTheApproval() throws IOException {
    String runId = paused();
    Files.writeString(dir.resolve("ws/notes.txt"), "someone else's note");

    Xct.Outcome approve = answer("approve", runId);

    assertThat(approve.exitCode()).as(approve.all()).isZero();
    assertThat(approve.out()).contains(ErrorCodes.APPROVAL_STALE);
    assertThat(Files.readString(dir.resolve("ws/notes.txt"))).isEqualTo("someone else's note");
  }

  @Test
  void anAnswerForAnotherActionIsRefusedAndTheRunStillWaits() {
    String runId = paused();

    Xct.Outcome approve = answer("approve", runId, "--action", "0".repeat(64));

    assertThat(approve.exitCode()).as(approve.all()).isEqualTo(6);
    assertThat(approve.err()).contains(ErrorCodes.APPROVAL_MISMATCH);
    assertThat(xct("approvals", "list", "--journal", "journal").out()).contains(runId);
  }

  @Test
  void deferringWithoutADurableJournalIsAUsageError() {
    Xct.Outcome run =
        xct("run", "--policy", "policy.yaml", "--workspace", "ws", "--approve", "defer", "x");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(64);
    assertThat(run.err()).contains("--durable-journal");
  }
}
