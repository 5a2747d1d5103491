package dev.xct.core.validate;

import dev.xct.core.XctException;
import dev.xct.core.internal.validate.ApproveDestructiveValidator;
import dev.xct.core.internal.validate.ArgumentSchemaValidator;
import dev.xct.core.internal.validate.KnownToolValidator;
import dev.xct.core.internal.validate.PolicyValidator;
import dev.xct.core.internal.validate.ToolQuotaValidator;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the built-in validators. They are ordinary {@link Validator}s: the loop runs them in the
 * same chain as the user's own, in the order given.
 *
 * <p>A typical chain is {@code knownTool(), argumentSchema(), toolQuotas(budgets), policy(policy,
 * approver)}: the policy then sees only well-typed arguments of registered tools, and a person is
 * asked only about proposals that nothing else would refuse. The execution loop puts the first
 * three in front of the user's validators itself.
 *
 * <p>Every returned validator is immutable, and thread-safe if its approver is. Approvals are bound
 * to the exact action: an {@link ApprovalDecision.Approve} whose digest differs from {@link
 * ActionDigest#of} the proposal is refused with {@code APPROVAL_MISMATCH}; {@link
 * ApprovalDecision.Deny} becomes {@code APPROVAL_DENIED} with the person's reason, and {@link
 * ApprovalDecision.Stop} ends the run with {@code APPROVAL_STOPPED}. What an approver throws is not
 * caught, so the loop denies the step with {@code VALIDATOR_ERROR}. Each approval request carries
 * the tool's {@link dev.xct.core.tool.Tool#preview preview}, or JSON null when the tool has none or
 * its preview throws (which is logged).
 */
public final class Validators {
  private Validators() {}

  /** Denies proposals naming an unregistered tool with {@code UNKNOWN_TOOL}. */
  public static Validator knownTool() {
    return KnownToolValidator.INSTANCE;
  }

  /**
   * Denies proposals whose arguments fail the tool's input schema with {@code INVALID_ARGUMENTS};
   * every violation is listed in the details with its JSON pointer.
   */
  public static Validator argumentSchema() {
    return ArgumentSchemaValidator.INSTANCE;
  }

  /**
   * Applies {@code policy} without a person: {@code allow} rules allow, {@code deny} rules and
   * proposals no rule matches are denied with {@code POLICY_DENIED}, and {@code ask} rules are
   * denied with {@code APPROVAL_DENIED} because nobody is configured to approve them. Nothing that
   * needs approval ever runs. Named {@code policy}.
   */
  public static Validator policy(Policy policy) {
    return PolicyValidator.withoutApprover(Objects.requireNonNull(policy, "policy"));
  }

  /**
   * Applies {@code policy} and asks {@code approver} about {@code ask} rules and about destructive
   * tools that an {@code allow} rule matches; the same as {@code policy(policy, approver,
   * ApprovalMode.ASK_RULES_AND_DESTRUCTIVE)}.
   *
   * @throws XctException if {@code approver} is null; use {@link #policy(Policy)} for a policy
   *     without a person
   */
  public static Validator policy(Policy policy, Approver approver) {
    return policy(policy, approver, ApprovalMode.ASK_RULES_AND_DESTRUCTIVE);
  }

  /**
   * Applies {@code policy}, asking {@code approver} as {@code mode} says. A {@code deny} rule, or
   * no matching rule, denies with {@code POLICY_DENIED} and details {@code {rule, tool}} ({@code
   * rule} absent for the default denial); the approval request's reason names the rule, or says the
   * tool is destructive. A proposal is presented to the approver at most once, so do not also add
   * {@link #approveDestructive(Approver)} to the chain: that would ask twice. Named {@code policy}.
   *
   * @throws XctException if {@code approver} is null although the policy has {@code ask} rules or
   *     {@code mode} asks about destructive tools
   */
  public static Validator policy(Policy policy, Approver approver, ApprovalMode mode) {
    return PolicyValidator.withApprover(policy, approver, mode);
  }

  /**
   * Asks {@code approver} about every proposal whose tool is marked {@linkplain
   * dev.xct.core.tool.ToolHints#destructive() destructive} and allows all others without asking; an
   * unregistered tool is denied with {@code UNKNOWN_TOOL}, since its hints are unknown. For chains
   * without a policy; {@link #policy(Policy, Approver)} already includes this check. Named {@code
   * approve-destructive}.
   *
   * @throws NullPointerException if {@code approver} is null
   */
  public static Validator approveDestructive(Approver approver) {
    return new ApproveDestructiveValidator(Objects.requireNonNull(approver, "approver"));
  }

  /**
   * Stops the run with {@code TOOL_QUOTA_EXCEEDED} when a proposal names a tool that has already
   * been executed {@code quotas.get(tool)} times in this run (by {@link RunStats#executions}), so a
   * tool with quota 2 runs twice and the third proposal ends the run. Tools without a quota are
   * unlimited. Named {@code tool-quotas}.
   *
   * @throws XctException if a quota is not positive or names an invalid tool
   */
  public static Validator toolQuotas(Map<String, Integer> quotas) {
    return new ToolQuotaValidator(quotas);
  }

  /** Enforces the per-tool quotas of {@code budgets}; see {@link #toolQuotas(Map)}. */
  public static Validator toolQuotas(Budgets budgets) {
    return toolQuotas(budgets.toolQuotas());
  }
}
