/**
 * Judges every proposal before it runs: the validator chain, declarative policies, human approval
 * and budgets.
 *
 * <p>A {@link dev.xct.core.validate.Validator} is a pure function from a proposal and a {@link
 * dev.xct.core.validate.ValidationContext} to a {@link dev.xct.core.validate.Verdict}. The loop
 * runs validators in order and stops at the first verdict that does not allow the proposal; a
 * validator that throws denies the step with {@code VALIDATOR_ERROR}, so the chain fails closed.
 * The built-in checks come from {@link dev.xct.core.validate.Validators} and are ordinary
 * validators:
 *
 * <ul>
 *   <li>{@code known-tool} and {@code argument-schema} reject unregistered tools and ill-typed
 *       arguments;
 *   <li>{@code policy} applies a {@link dev.xct.core.validate.Policy}: ordered {@link
 *       dev.xct.core.validate.PolicyRule}s, each an effect ({@code allow}, {@code deny}, {@code
 *       ask}), a tool-name glob and {@link dev.xct.core.validate.Condition}s on the arguments; the
 *       first matching rule decides and anything no rule matches is denied;
 *   <li>{@code approve-destructive} asks an {@link dev.xct.core.validate.Approver} about tools
 *       marked destructive, for chains without a policy;
 *   <li>{@code tool-quotas} ends the run when a tool has used up its quota of {@link
 *       dev.xct.core.validate.Budgets}.
 * </ul>
 *
 * <p>An approval is bound to one exact action by its {@link dev.xct.core.validate.ActionDigest}:
 * approving something else, even the same tool with other arguments, does not let the proposal run.
 * Every type here is immutable and thread-safe unless its Javadoc says otherwise.
 */
package dev.xct.core.validate;
