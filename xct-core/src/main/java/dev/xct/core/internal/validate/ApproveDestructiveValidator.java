package dev.xct.core.internal.validate;

import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Approver;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.Map;
import java.util.Optional;

/**
 * Asks an approver about every proposal whose tool is marked destructive and allows everything
 * else; a proposal naming an unregistered tool is denied, since its hints cannot be checked.
 */
public final class ApproveDestructiveValidator implements Validator {
  private final ApprovalGate gate;

  /** Creates the validator asking {@code approver}. */
  public ApproveDestructiveValidator(Approver approver) {
    this.gate = new ApprovalGate(approver);
  }

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    Optional<ToolSpec> spec = context.spec(proposal.tool());
    if (spec.isPresent() && !spec.get().hints().destructive()) {
      return Verdict.allow();
    }
    String tool = ToolNames.abbreviate(proposal.tool());
    return gate.ask(
        proposal, context, "the tool '" + tool + "' is destructive", Map.of("tool", tool));
  }

  @Override
  public String name() {
    return "approve-destructive";
  }
}
