package dev.xct.core.validate;

import dev.xct.core.XctException;
import java.util.List;
import java.util.Objects;

/**
 * Describes one rule of a {@link Policy}: when a proposal names a tool matching {@code tool} and
 * every condition holds for its arguments, the rule's {@code effect} applies.
 *
 * <p>{@code tool} is a {@link Glob#forToolNames tool-name glob}: {@code *} matches any run of
 * characters within one segment (never a dot), {@code **} matches any run including dots, and
 * everything else matches itself. So {@code fs.*} matches {@code fs.read} but neither {@code fs},
 * {@code fsx.read} nor {@code fs.a.b}; {@code fs.**} matches {@code fs.read} and {@code fs.a.b} but
 * not {@code fs}; {@code *} matches every single-segment name and {@code **} every name.
 *
 * <p>A rule is data, so that policies can also be read from configuration files. Immutable and
 * thread-safe.
 *
 * @param id names the rule in verdicts, approval requests and the journal; empty when unnamed, in
 *     which case {@link Policy} names it {@code rule-N} after its 1-based position
 * @param effect what happens when the rule matches
 * @param tool the glob the proposal's tool name must match
 * @param conditions tests on the arguments, all of which must hold (none: any arguments)
 * @param reason why the rule exists, shown to the model and the approver; may be empty
 */
public record PolicyRule(
    String id, Effect effect, String tool, List<Condition> conditions, String reason) {

  /** Says what a matching rule does with a proposal. */
  public enum Effect {
    /** The proposal passes the policy. */
    ALLOW,
    /** The proposal is denied with {@code POLICY_DENIED}. */
    DENY,
    /** An {@link Approver} decides; without one the proposal is denied. */
    ASK
  }

  /**
   * @throws XctException if the tool glob is malformed or the id is blank but not empty
   * @throws NullPointerException if a component is null
   */
  public PolicyRule {
    Objects.requireNonNull(id, "id");
    if (!id.isEmpty() && id.isBlank()) {
      throw new XctException("policy rule id must not be blank, was: '" + id + "'");
    }
    Objects.requireNonNull(effect, "effect");
    Glob.forToolNames(tool);
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns an unnamed rule allowing {@code tool} when all {@code when} conditions hold.
   *
   * @throws XctException if the tool glob is malformed
   */
  public static PolicyRule allow(String tool, Condition... when) {
    return new PolicyRule("", Effect.ALLOW, tool, List.of(when), "");
  }

  /**
   * Returns an unnamed rule denying {@code tool} when all {@code when} conditions hold.
   *
   * @throws XctException if the tool glob is malformed
   */
  public static PolicyRule deny(String tool, Condition... when) {
    return new PolicyRule("", Effect.DENY, tool, List.of(when), "");
  }

  /**
   * Returns an unnamed rule requiring approval for {@code tool} when all {@code when} conditions
   * hold.
   *
   * @throws XctException if the tool glob is malformed
   */
  public static PolicyRule ask(String tool, Condition... when) {
    return new PolicyRule("", Effect.ASK, tool, List.of(when), "");
  }

  /**
   * Returns a copy named {@code id}.
   *
   * @throws XctException if {@code id} is blank
   */
  public PolicyRule withId(String id) {
    if (id == null || id.isBlank()) {
      throw new XctException("policy rule id must not be blank, was: '" + id + "'");
    }
    return new PolicyRule(id, effect, tool, conditions, reason);
  }

  /** Returns a copy that gives {@code reason}. */
  public PolicyRule withReason(String reason) {
    return new PolicyRule(id, effect, tool, conditions, reason);
  }

  /** Returns whether the rule is named (its id is not empty). */
  public boolean isNamed() {
    return !id.isEmpty();
  }
}
