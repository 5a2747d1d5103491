package dev.xct.core.internal.run;

import dev.xct.core.ModelFailure;
import dev.xct.core.RunStatus;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Verdict;

/**
 * Says how a run ends: its status, the code that ended it ({@code null} when the model said done),
 * the message and, when the model client failed, why ({@code null} otherwise). Immutable.
 */
record Ending(RunStatus status, String code, String message, ModelFailure failure) {
  /** The journal failed, so the run can no longer be traced and must stop. */
  static final Ending JOURNAL_LOST =
      stopped(
          ErrorCodes.JOURNAL_FAILED,
          "the journal could not record the run, so it was stopped: it could no longer be traced");

  static final Ending CANCELLED =
      new Ending(RunStatus.CANCELLED, ErrorCodes.CANCELLED, "the run was cancelled", null);

  /** The model said done. */
  static Ending done(String message) {
    return new Ending(RunStatus.DONE, null, message, null);
  }

  /** A budget is spent. */
  static Ending limit(String code, String message) {
    return new Ending(RunStatus.LIMIT_REACHED, code, message, null);
  }

  /** Something decided the run must not go on. */
  static Ending stopped(String code, String message) {
    return new Ending(RunStatus.STOPPED, code, message, null);
  }

  /** The model client failed on its own, as {@code failure} says. */
  static Ending modelFailed(String message, ModelFailure failure) {
    return new Ending(RunStatus.MODEL_FAILED, ErrorCodes.MODEL_FAILED, message, failure);
  }

  /** The run's thread was interrupted while it waited. */
  static Ending interrupted(String message) {
    return new Ending(RunStatus.CANCELLED, ErrorCodes.CANCELLED, message, null);
  }

  /** A validator stopped the run; its verdict says whether a budget is spent. */
  static Ending of(Verdict.Stop stop) {
    return stop.limitReached()
        ? limit(stop.code(), stop.reason())
        : stopped(stop.code(), stop.reason());
  }

  /** The run pauses until a person answers {@code request}. */
  static Ending awaiting(PendingApproval request) {
    return new Ending(
        RunStatus.AWAITING_APPROVAL,
        ErrorCodes.APPROVAL_PENDING,
        "step "
            + request.step()
            + " waits for a person to approve tool '"
            + request.call().tool()
            + "' until "
            + request.expiresAt()
            + ": "
            + request.reason(),
        null);
  }
}
