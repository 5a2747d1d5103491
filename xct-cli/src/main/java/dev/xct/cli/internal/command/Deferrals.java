package dev.xct.cli.internal.command;

import dev.xct.cli.internal.console.TerminalStream;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.Approver;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code xct run --approve defer}, {@code xct approve} and {@code xct deny} share: the
 * approver that leaves every question for a person, and the note that tells them how to answer.
 */
final class Deferrals {
  /** How long a question waits for its answer. */
  static final Duration VALID_FOR = Duration.ofHours(24);

  private Deferrals() {}

  /** Returns the approver that defers every question to a person, for {@link #VALID_FOR}. */
  static Approver approver() {
    return request -> ApprovalDecision.defer(VALID_FOR);
  }

  /** Tells how to answer, if {@code result} paused for a person. */
  static void noteIfPaused(RunResult result, Path journal, TerminalStream out) {
    if (result.status() != RunStatus.AWAITING_APPROVAL) {
      return;
    }
    out.line("⏸ run " + result.runId() + " waits for a person's approval; see it with");
    out.line("    xct approvals list --journal " + journal);
    out.line("  and answer with xct approve " + result.runId() + " (or xct deny ... --reason ...)");
  }
}
