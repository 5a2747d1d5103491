package dev.xct.model.support;

import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Prices tokens the way providers list them: an amount per million prompt tokens and per million
 * completion tokens, in whatever currency the caller budgets in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promptPerMillion the price of one million prompt (input) tokens
 * @param completionPerMillion the price of one million completion (output) tokens
 */
public record TokenPrice(BigDecimal promptPerMillion, BigDecimal completionPerMillion) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /**
   * @throws XctException if a price is negative
   */
  public TokenPrice {
    Objects.requireNonNull(promptPerMillion, "promptPerMillion");
    Objects.requireNonNull(completionPerMillion, "completionPerMillion");
    if (promptPerMillion.signum() < 0 || completionPerMillion.signum() < 0) {
      throw new XctException("token prices must not be negative");
    }
  }

  /** Returns the price given as decimal strings, for example {@code perMillion("0.15", "0.60")}. */
  public static TokenPrice perMillion(String prompt, String completion) {
    return new TokenPrice(new BigDecimal(prompt), new BigDecimal(completion));
  }

  /** Returns what {@code usage} costs. */
  public BigDecimal cost(TokenUsage usage) {
    BigDecimal prompt = promptPerMillion.multiply(BigDecimal.valueOf(usage.promptTokens()));
    BigDecimal completion =
        completionPerMillion.multiply(BigDecimal.valueOf(usage.completionTokens()));
    return prompt.add(completion).divide(MILLION, MathContext.DECIMAL64);
  }
}
