package dev.xct.core.validate;

import java.util.Objects;

/**
 * Holds an approver's answer: approve exactly the requested action, deny it with a reason the model
 * sees, or stop the run.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ApprovalDecision
    permits ApprovalDecision.Approve, ApprovalDecision.Deny, ApprovalDecision.Stop {

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
}
