package dev.xct.core.internal.validate;

import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Approver;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.PolicyRule;
import dev.xct.core.validate.PolicyRule.Effect;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a {@link Policy}, asking an approver for {@code ask} rules and, in {@link
 * ApprovalMode#ASK_RULES_AND_DESTRUCTIVE}, for destructive tools under {@code allow} rules. Without
 * an approver, {@code ask} rules deny with {@code APPROVAL_DENIED}.
 */
public final class PolicyValidator implements Validator {
  private final Policy policy;
  private final ApprovalGate gate; // null: no approver configured
  private final ApprovalMode mode;

  private PolicyValidator(Policy policy, ApprovalGate gate, ApprovalMode mode) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.gate = gate;
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /** Returns a validator that denies {@code ask} rules because nobody can approve them. */
  public static PolicyValidator withoutApprover(Policy policy) {
    return new PolicyValidator(policy, null, ApprovalMode.ASK_RULES);
  }

  /**
   * Returns a validator that asks {@code approver} as {@code mode} says.
   *
   * @throws XctException if {@code approver} is null although an approval may be needed
   */
  public static PolicyValidator withApprover(Policy policy, Approver approver, ApprovalMode mode) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(mode, "mode");
    if (approver == null) {
      if (policy.hasAskRules() || mode == ApprovalMode.ASK_RULES_AND_DESTRUCTIVE) {
        throw new XctException(
            "the policy validator needs an approver: "
                + (policy.hasAskRules() ? "the policy has ask rules" : "mode is " + mode)
                + "; use Validators.policy(policy) to deny whatever needs approval");
      }
      return withoutApprover(policy);
    }
    return new PolicyValidator(policy, new ApprovalGate(approver), mode);
  }

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    Policy.Match match = policy.evaluate(proposal);
    PolicyRule rule = match.rule().orElse(null);
    if (rule != null && rule.effect() == Effect.ALLOW) {
      if (gate == null || mode != ApprovalMode.ASK_RULES_AND_DESTRUCTIVE) {
        return Verdict.allow();
      }
      Optional<ToolSpec> spec = context.spec(proposal.tool());
      if (spec.isPresent() && !spec.get().hints().destructive()) {
        return Verdict.allow();
      }
    }
    // Only refusals and questions need words; the allow paths above build none.
    String tool = ToolNames.abbreviate(proposal.tool());
    Map<String, Object> details = new LinkedHashMap<>();
    if (rule != null) {
      details.put("rule", rule.id());
    }
    details.put("tool", tool);
    if (rule == null) {
      return Verdict.deny(
          ErrorCodes.POLICY_DENIED, "no policy rule allows the tool '" + tool + "'", details);
    }
    if (rule.effect() == Effect.DENY) {
      return Verdict.deny(
          ErrorCodes.POLICY_DENIED,
          "policy rule '" + rule.id() + "' denies the tool '" + tool + "'" + because(rule),
          details);
    }
    if (rule.effect() == Effect.ASK) {
      if (gate == null) {
        return Verdict.deny(
            ErrorCodes.APPROVAL_DENIED,
            "policy rule '"
                + rule.id()
                + "' requires approval for the tool '"
                + tool
                + "', and no approver is configured",
            details);
      }
      String reason = "policy rule '" + rule.id() + "' requires approval" + because(rule);
      return gate.ask(proposal, context, reason, details);
    }
    // An allow rule in ASK_RULES_AND_DESTRUCTIVE mode for a destructive or unknown tool: unknown
    // tools go to the gate too, which denies them, because their hints cannot be checked.
    return gate.ask(proposal, context, "the tool '" + tool + "' is destructive", details);
  }

  @Override
  public String name() {
    return "policy";
  }

  private static String because(PolicyRule rule) {
    return rule.reason().isEmpty() ? "" : ": " + rule.reason();
  }
}
