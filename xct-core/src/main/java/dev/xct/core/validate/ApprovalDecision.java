package dev.xct.core.validate;

import dev.xct.core.XctException;
import dev.xct.core.internal.validate.DurationLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * Holds an approver's answer: approve exactly the requested action, deny it with a reason the model
 * sees, stop the run, or defer the question to a person who answers later (the run then ends {@link
 * dev.xct.core.RunStatus#AWAITING_APPROVAL}; see {@link PendingApproval}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ApprovalDecision
    permits ApprovalDecision.Approve,
        ApprovalDecision.Deny,
        ApprovalDecision.Stop,
        ApprovalDecision.Defer {

  /** Approves the action of {@code request}, and nothing else. */
  static Approve approve(ApprovalRequest request, String approver) {
    return new Approve(request.action(), approver);
  }

  /** Denies the action; {@code reason} goes back to the model. */
  static Deny deny(String reason) {
    return new Deny(reason);
  }

  /** Stops the run. */
  static Stop stop(String reason) {
    return new Stop(reason);
  }

  /**
   * Asks a person later: the run ends awaiting approval, and the request it journals expires after
   * {@code validFor}.
   *
   * @throws XctException if {@code validFor} is not positive
   */
  static Defer defer(Duration validFor) {
    return new Defer(validFor);
  }

  /**
   * Approval of one exact action.
   *
   * @param action the digest of the approved action
   * @param approver who approved, for the record
   */
  record Approve(ActionDigest action, String approver) implements ApprovalDecision {
    /**
     * @throws NullPointerException if a component is null
     */
    public Approve {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(approver, "approver");
    }
  }

  /** Refusal; the model is told {@code reason} and may propose something else. */
  record Deny(String reason) implements ApprovalDecision {
    /**
     * @throws NullPointerException if {@code reason} is null
     */
    public Deny {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The run ends. */
  record Stop(String reason) implements ApprovalDecision {
    /**
     * @throws NullPointerException if {@code reason} is null
     */
    public Stop {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The question goes to a person who answers later, from any process, through {@link
   * dev.xct.core.loop.Approvals}.
   *
   * @param validFor how long the request stands; a decision after that is refused. Anything over
   *     36,500 days (100 years) is taken as 36,500 days, in effect no expiry, so that no expiry
   *     overflows
   */
  record Defer(Duration validFor) implements ApprovalDecision {
    /**
     * @throws XctException if {@code validFor} is null or not positive
     */
    public Defer {
      validFor = DurationLimit.check("an approval request's validity", validFor);
    }
  }
}
