package dev.xct.core.internal.run;

import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import java.time.Instant;
import java.util.Optional;

/**
 * Judges whether a person's answer may settle a run's pending request: it must be the first answer
 * to a request that still waits, for its exact action, before it expires. Stateless.
 */
final class Decisions {
  private Decisions() {}

  /** Returns why {@code answer}, given at {@code now}, is refused for the run {@code read}. */
  static Optional<ApprovalOutcome.Refused> refusal(
      Resumption read, ApprovalAnswer answer, Instant now) {
    if (read.request.isEmpty()) {
      return read.lastRequestAnswered
          ? refused(
              ApprovalOutcome.Refused.ALREADY_DECIDED,
              "run '" + read.runId + "' was already answered and went on")
          : refused(
              ApprovalOutcome.Refused.NOT_PENDING,
              "run '" + read.runId + "' waits for no approval");
    }
    if (read.answer.isPresent()) {
      RunEvent.ApprovalDecided first = read.answer.get();
      return refused(
          ApprovalOutcome.Refused.ALREADY_DECIDED,
          "the request was already answered by "
              + first.decidedBy()
              + " at "
              + first.at()
              + "; resume the run to carry that answer out");
    }
    PendingApproval held = read.request.get().request();
    if (!held.action().equals(answer.action())) {
      return refused(
          ErrorCodes.APPROVAL_MISMATCH,
          "the answer is for action "
              + answer.action().hex()
              + ", but run '"
              + read.runId
              + "' waits for action "
              + held.action().hex());
    }
    if (held.expiredAt(now)) {
      return refused(ErrorCodes.APPROVAL_EXPIRED, "the request expired at " + held.expiresAt());
    }
    return Optional.empty();
  }

  private static Optional<ApprovalOutcome.Refused> refused(String code, String reason) {
    return Optional.of(new ApprovalOutcome.Refused(code, reason));
  }
}
