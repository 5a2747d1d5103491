package dev.xct.model.openai;

import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a run whose model calls have used more tokens, or cost more, than allowed. It is both a
 * {@link RunListener}, which adds up the usage the provider reported for each model call of a run,
 * and a {@link Validator}, which stops the run with {@value #TOKEN_BUDGET_EXCEEDED} at the first
 * proposal after the total went over the limit; that proposal does not run. Register the same
 * instance as both:
 *
 * <pre>{@code
 * TokenBudget budget = TokenBudget.maxTokens(200_000);
 * ExecutionLoop loop = ExecutionLoop.builder(model, tools).listener(budget).validator(budget).build();
 * }</pre>
 *
 * <p>Usage is what the provider reports; a provider that reports none costs nothing here. Because
 * validators see proposals only, a run whose replies are all rejected by the codec is bounded by
 * the step and error budgets, not by this one. Thread-safe: one instance serves concurrent runs,
 * each counted under its run id and forgotten when the run ends.
 */
public final class TokenBudget implements Validator, RunListener {
  /** The code that ends a run over its token or cost budget. */
  public static final String TOKEN_BUDGET_EXCEEDED = ErrorCodes.TOKEN_BUDGET_EXCEEDED;

  private final long maxTokens;
  private final BigDecimal maxCost;
  private final TokenPrice price;
  private final Map<String, TokenUsage> usage = new ConcurrentHashMap<>();

  private TokenBudget(long maxTokens, BigDecimal maxCost, TokenPrice price) {
    this.maxTokens = maxTokens;
    this.maxCost = maxCost;
    this.price = price;
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
    return new TokenBudget(maxTokens, null, null);
  }

  /**
   * Returns a budget of {@code maxCost} per run, with usage priced at {@code price}.
   *
   * @throws XctException if {@code maxCost} is not positive
   */
  public static TokenBudget maxCost(BigDecimal maxCost, TokenPrice price) {
    Objects.requireNonNull(maxCost, "maxCost");
    Objects.requireNonNull(price, "price");
    if (maxCost.signum() <= 0) {
      throw new XctException("cost budget must be positive, was: " + maxCost);
    }
    return new TokenBudget(0, maxCost, price);
  }

  @Override
  public void onEvent(RunEvent event) {
    if (event instanceof RunEvent.ModelReplied replied) {
      usage.merge(replied.runId(), replied.reply().usage(), TokenUsage::plus);
    } else if (event instanceof RunEvent.RunEnded ended) {
      usage.remove(ended.runId());
    }
  }

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    TokenUsage used = usage(context.runId());
    if (price == null && used.totalTokens() > maxTokens) {
      return Verdict.limitReached(
          TOKEN_BUDGET_EXCEEDED,
          "the run used " + used.totalTokens() + " tokens; the budget is " + maxTokens);
    }
    if (price != null && price.cost(used).compareTo(maxCost) > 0) {
      return Verdict.limitReached(
          TOKEN_BUDGET_EXCEEDED,
          "the run's model calls cost "
              + price.cost(used).toPlainString()
              + "; the budget is "
              + maxCost.toPlainString());
    }
    return Verdict.allow();
  }

  @Override
  public String name() {
    return "token-budget";
  }

  /** Returns the usage counted so far for the running run {@code runId} (zero once it ended). */
  public TokenUsage usage(String runId) {
    return usage.getOrDefault(runId, TokenUsage.unknown());
  }
}
