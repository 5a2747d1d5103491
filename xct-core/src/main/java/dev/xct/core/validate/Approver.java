package dev.xct.core.validate;

/**
 * Asks a person (or a system standing in for one) whether one exact action may run. Called for
 * policy rules whose effect is {@code ask} and for tools marked destructive.
 *
 * <p>The answer is bound to the action it was asked about: {@link ApprovalDecision#approve} takes
 * the request, and the loop refuses to run anything whose digest differs from the approved one.
 * Implementations may block (waiting for a person) and must be thread-safe.
 */
@FunctionalInterface
public interface Approver {

  /** Returns the decision on {@code request}. */
  ApprovalDecision decide(ApprovalRequest request);
}
