package dev.xct.core.validate;

/**
 * Chooses which proposals a {@linkplain Validators#policy(Policy, Approver, ApprovalMode) policy
 * validator} sends to its {@link Approver}.
 *
 * <p>Whatever the mode, each proposal is presented to the approver at most once by that validator:
 * a destructive tool under an {@code ask} rule is asked about once, with the rule as the reason.
 */
public enum ApprovalMode {
  /** Ask only when the matching rule's effect is {@code ask}; allow rules allow outright. */
  ASK_RULES,

  /**
   * Ask when the matching rule's effect is {@code ask}, and also when an {@code allow} rule matches
   * a tool whose spec is marked {@linkplain dev.xct.core.tool.ToolHints#destructive() destructive}.
   * The default: a broad allow rule such as {@code fs.**} never lets a delete through unseen.
   */
  ASK_RULES_AND_DESTRUCTIVE
}
