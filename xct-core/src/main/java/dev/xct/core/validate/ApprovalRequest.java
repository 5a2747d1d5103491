package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.tool.ToolSpec;
import java.util.Objects;

/**
 * Holds everything an approver sees about one action.
 *
 * @param runId the run's id
 * @param step the step number
 * @param proposal the proposal as the model sent it
 * @param spec the tool's spec (its hints say whether it is destructive)
 * @param action the digest the approval will be bound to
 * @param reason why approval is needed (the policy rule, or "destructive tool")
 * @param preview what the tool says it would change ({@code null} JSON when it cannot say)
 */
public record ApprovalRequest(
    String runId,
    int step,
    Proposal proposal,
    ToolSpec spec,
    ActionDigest action,
    String reason,
    JsonValue preview) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ApprovalRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(preview, "preview");
  }
}
