package dev.xct.core.validate;

import dev.xct.core.XctException;
import java.util.Objects;

/**
 * Holds a person's answer to a {@link PendingApproval}, bound to the exact action it answers: the
 * loop refuses an answer whose {@link #action()} is not the pending one's ({@code
 * APPROVAL_MISMATCH}), so an answer can never be replayed for another action.
 *
 * <p>Immutable and thread-safe.
 *
 * @param action the digest of the action the person saw
 * @param decision approve, deny (the reason goes to the model) or stop; never defer
 * @param decidedBy who decided, for the journal
 */
public record ApprovalAnswer(ActionDigest action, ApprovalDecision decision, String decidedBy) {
  /**
   * @throws NullPointerException if a component is null
   * @throws XctException if the decision defers, or approves another action than {@code action}
   */
  public ApprovalAnswer {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(decidedBy, "decidedBy");
    if (decision instanceof ApprovalDecision.Defer) {
      throw new XctException("a person's answer cannot defer the question again");
    }
    if (decision instanceof ApprovalDecision.Approve approve && !approve.action().equals(action)) {
      throw new XctException("the approval names another action than the answer");
    }
  }

  /** Approves {@code action}, and nothing else, on behalf of {@code decidedBy}. */
  public static ApprovalAnswer approve(ActionDigest action, String decidedBy) {
    return new ApprovalAnswer(action, new ApprovalDecision.Approve(action, decidedBy), decidedBy);
  }

  /** Denies {@code action}; the model is told {@code reason}. */
  public static ApprovalAnswer deny(ActionDigest action, String decidedBy, String reason) {
    return new ApprovalAnswer(action, ApprovalDecision.deny(reason), decidedBy);
  }

  /** Stops the run instead of running {@code action}. */
  public static ApprovalAnswer stop(ActionDigest action, String decidedBy, String reason) {
    return new ApprovalAnswer(action, ApprovalDecision.stop(reason), decidedBy);
  }
}
