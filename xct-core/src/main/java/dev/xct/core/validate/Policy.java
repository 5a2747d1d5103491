package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.validate.PolicyRule.Effect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from an ordered list of {@link PolicyRule}s, whether a proposal is allowed, denied or
 * needs a person's approval. The first rule whose tool glob matches and whose conditions all hold
 * decides; later rules are not consulted. <b>When no rule matches, the proposal is denied</b>: a
 * policy allows only what it names, and an empty policy denies everything.
 *
 * <p>Rules are evaluated in order, so put narrow rules before broad ones, and prefer allow rules
 * with positive conditions over deny rules followed by a broad allow: a deny rule whose condition
 * does not hold (the value is missing or has another type) lets the proposal fall through to the
 * next rule. Running {@link Validators#argumentSchema()} before the policy rules out wrong types.
 *
 * <p>Every rule has a unique id: rules built without one are named {@code rule-N} after their
 * 1-based position. Immutable and thread-safe; use it through {@link Validators#policy}.
 */
public final class Policy {
  private final List<PolicyRule> rules;
  private final List<Compiled> compiled;

  /** A rule ready to evaluate: its tool glob compiled and its outcome made once. */
  private record Compiled(PolicyRule rule, Glob glob, Match match) {}

  private Policy(List<PolicyRule> given) {
    List<PolicyRule> named = new ArrayList<>(given.size());
    List<Compiled> ready = new ArrayList<>(given.size());
    Set<String> ids = new HashSet<>();
    for (PolicyRule rule : given) {
      Objects.requireNonNull(rule, "rule");
      PolicyRule withId = rule.isNamed() ? rule : rule.withId("rule-" + (named.size() + 1));
      if (!ids.add(withId.id())) {
        throw new XctException("duplicate policy rule id '" + withId.id() + "'");
      }
      named.add(withId);
      ready.add(
          new Compiled(
              withId,
              Glob.forToolNames(withId.tool()),
              new Match(withId.effect(), Optional.of(withId))));
    }
    this.rules = List.copyOf(named);
    this.compiled = List.copyOf(ready);
  }

  /**
   * Returns a policy of {@code rules}, in order.
   *
   * @throws XctException if two rules share an id
   */
  public static Policy of(List<PolicyRule> rules) {
    return new Policy(List.copyOf(rules));
  }

  /** Returns a builder for a policy. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the rules in evaluation order, each with its id. */
  public List<PolicyRule> rules() {
    return rules;
  }

  /** Returns whether some rule's effect is {@link Effect#ASK}. */
  public boolean hasAskRules() {
    return rules.stream().anyMatch(rule -> rule.effect() == Effect.ASK);
  }

  /** Returns the outcome for {@code proposal}: the first matching rule, or the default denial. */
  public Match evaluate(Proposal proposal) {
    return evaluate(proposal.tool(), proposal.arguments());
  }

  /** Returns the outcome for calling {@code tool} with {@code arguments}. */
  public Match evaluate(String tool, JsonValue arguments) {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    for (Compiled c : compiled) {
      if (c.glob().matches(tool) && allHold(c.rule().conditions(), arguments)) {
        return c.match();
      }
    }
    return Match.DEFAULT_DENY;
  }

  private static boolean allHold(List<Condition> conditions, JsonValue arguments) {
    for (int i = 0; i < conditions.size(); i++) {
      if (!conditions.get(i).holds(arguments)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Policy that && rules.equals(that.rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  @Override
  public String toString() {
    return "Policy" + rules;
  }

  /**
   * Holds the outcome of evaluating a policy: the effect, and the rule that decided it (empty when
   * no rule matched and the default denial applies). Immutable and thread-safe.
   *
   * @param effect what to do with the proposal
   * @param rule the first matching rule, or empty for the default denial
   */
  public record Match(Effect effect, Optional<PolicyRule> rule) {
    private static final Match DEFAULT_DENY = new Match(Effect.DENY, Optional.empty());

    /**
     * @throws XctException if there is no rule and the effect is not {@code DENY}
     */
    public Match {
      Objects.requireNonNull(effect, "effect");
      Objects.requireNonNull(rule, "rule");
      if (rule.isEmpty() && effect != Effect.DENY) {
        throw new XctException("only a denial can apply without a matching rule");
      }
    }

    /** Returns whether no rule matched, so the proposal is denied by default. */
    public boolean isDefault() {
      return rule.isEmpty();
    }
  }

  /** Collects rules for a {@link Policy}, in order. Not thread-safe; build() copies its state. */
  public static final class Builder {
    private final List<PolicyRule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a rule allowing {@code tool} when all {@code when} conditions hold.
     *
     * @throws XctException if the tool glob is malformed
     */
    public Builder allow(String tool, Condition... when) {
      return rule(PolicyRule.allow(tool, when));
    }

    /**
     * Adds a rule denying {@code tool} when all {@code when} conditions hold.
     *
     * @throws XctException if the tool glob is malformed
     */
    public Builder deny(String tool, Condition... when) {
      return rule(PolicyRule.deny(tool, when));
    }

    /**
     * Adds a rule requiring approval for {@code tool} when all {@code when} conditions hold.
     *
     * @throws XctException if the tool glob is malformed
     */
    public Builder ask(String tool, Condition... when) {
      return rule(PolicyRule.ask(tool, when));
    }

    /** Adds {@code rule}, for rules with an id or a reason. */
    public Builder rule(PolicyRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds every rule of {@code rules}, in order. */
    public Builder rules(Collection<PolicyRule> rules) {
      rules.forEach(this::rule);
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws XctException if two rules share an id
     */
    public Policy build() {
      return new Policy(List.copyOf(rules));
    }
  }
}
