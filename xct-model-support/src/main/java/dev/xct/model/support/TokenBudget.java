package dev.xct.model.support;

import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Stops a run whose model calls have used more tokens, or cost more, than allowed: at the first
 * proposal after the run's total ({@link RunStats#usage()}, which the loop keeps, the reply being
 * judged included) went over the limit, the run stops with {@value #TOKEN_BUDGET_EXCEEDED}, and
 * that proposal does not run. A plain validator, registered like any other:
 *
 * <pre>{@code
 * ExecutionLoop loop =
 *     ExecutionLoop.builder(model, tools).validator(TokenBudget.maxTokens(200_000)).build();
 * }</pre>
 *
 * <p>Usage is what the provider reports; a provider that reports none costs nothing here. A token
 * budget counts every prompt token, cached or not (the model reads them all); a cost budget prices
 * the prompt tokens the provider served from its cache at the {@link TokenPrice}'s cached-prompt
 * price, so a run whose context the provider can reuse affords more steps. Because validators see
 * proposals only, a run whose replies are all rejected by the codec is bounded by the step and
 * error budgets ({@link dev.xct.core.validate.Budgets}), not by this one.
 *
 * <p>Immutable and thread-safe: the budget keeps no state, so one instance serves any number of
 * concurrent and resumed runs.
 */
public final class TokenBudget implements Validator {
  /** The code that ends a run over its token or cost budget. */
  public static final String TOKEN_BUDGET_EXCEEDED = ErrorCodes.TOKEN_BUDGET_EXCEEDED;

  private final Limit limit;

  private TokenBudget(Limit limit) {
    this.limit = limit;
  }

  /**
   * Returns a budget of {@code maxTokens} prompt and completion tokens per run.
   *
   * @throws XctException if {@code maxTokens} is not positive
   */
  public static TokenBudget maxTokens(long maxTokens) {
    if (maxTokens <= 0) {
      throw new XctException("token budget must be positive, was: " + maxTokens);
    }
    return new TokenBudget(new Tokens(maxTokens));
  }

  /**
   * Returns a budget of {@code maxCost} per run, with usage priced at {@code price} (cached prompt
   * tokens at its cached-prompt price).
   *
   * @throws XctException if {@code maxCost} is not positive
   */
  public static TokenBudget maxCost(BigDecimal maxCost, TokenPrice price) {
    Objects.requireNonNull(maxCost, "maxCost");
    Objects.requireNonNull(price, "price");
    if (maxCost.signum() <= 0) {
      throw new XctException("cost budget must be positive, was: " + maxCost);
    }
    return new TokenBudget(new Cost(maxCost, price));
  }

  /** Stops the run if its usage so far is over the budget; allows the proposal otherwise. */
  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    return limit
        .exceeded(context.stats().usage())
        .<Verdict>map(why -> Verdict.limitReached(TOKEN_BUDGET_EXCEEDED, why))
        .orElse(Verdict.allow());
  }

  @Override
  public String name() {
    return "token-budget";
  }

  @Override
  public String toString() {
    return "TokenBudget[" + limit + "]";
  }

  /** What the budget limits; says why a usage is over it. */
  private sealed interface Limit permits Tokens, Cost {
    Optional<String> exceeded(TokenUsage used);
  }

  private record Tokens(long max) implements Limit {
    @Override
    public Optional<String> exceeded(TokenUsage used) {
      return used.totalTokens() > max
          ? Optional.of("the run used " + used.totalTokens() + " tokens; the budget is " + max)
          : Optional.empty();
    }
  }

  private record Cost(BigDecimal max, TokenPrice price) implements Limit {
    @Override
    public Optional<String> exceeded(TokenUsage used) {
      BigDecimal cost = price.cost(used);
      return cost.compareTo(max) > 0
          ? Optional.of(
              "the run's model calls cost "
                  + cost.toPlainString()
                  + "; the budget is "
                  + max.toPlainString())
          : Optional.empty();
    }
  }
}
