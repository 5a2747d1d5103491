package dev.xct.model.support;

import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Prices tokens the way providers list them: an amount per million prompt tokens, per million
 * cached prompt tokens (the prompt tokens the provider served from its prompt cache, {@link
 * TokenUsage#cachedPromptTokens()}) and per million completion tokens, in whatever currency the
 * caller budgets in. A price made without a cached-prompt price charges cached prompt tokens the
 * prompt price, so a price means what it meant before cached tokens were counted; {@link
 * #withCachedPromptPerMillion(String)} sets the provider's discount:
 *
 * <pre>{@code
 * TokenPrice price = TokenPrice.perMillion("2.50", "10.00").withCachedPromptPerMillion("1.25");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param promptPerMillion the price of one million prompt (input) tokens not served from a cache
 * @param completionPerMillion the price of one million completion (output) tokens
 * @param cachedPromptPerMillion the price of one million prompt tokens served from the provider's
 *     prompt cache
 */
public record TokenPrice(
    BigDecimal promptPerMillion,
    BigDecimal completionPerMillion,
    BigDecimal cachedPromptPerMillion) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /**
   * @throws XctException if a price is negative
   */
  public TokenPrice {
    Objects.requireNonNull(promptPerMillion, "promptPerMillion");
    Objects.requireNonNull(completionPerMillion, "completionPerMillion");
    Objects.requireNonNull(cachedPromptPerMillion, "cachedPromptPerMillion");
    if (promptPerMillion.signum() < 0
        || completionPerMillion.signum() < 0
        || cachedPromptPerMillion.signum() < 0) {
      throw new XctException("token prices must not be negative");
    }
  }

  /**
   * Creates a price that charges cached prompt tokens the prompt price.
   *
   * @throws XctException if a price is negative
   */
  public TokenPrice(BigDecimal promptPerMillion, BigDecimal completionPerMillion) {
    this(promptPerMillion, completionPerMillion, promptPerMillion);
  }

  /**
   * Returns the price given as decimal strings, for example {@code perMillion("0.15", "0.60")};
   * cached prompt tokens cost the prompt price.
   *
   * @throws XctException if a price is negative
   * @throws NumberFormatException if a string is not a decimal number
   */
  public static TokenPrice perMillion(String prompt, String completion) {
    return new TokenPrice(new BigDecimal(prompt), new BigDecimal(completion));
  }

  /**
   * Returns this price with cached prompt tokens charged {@code cachedPrompt} per million, for
   * example {@code "0.075"} where the prompt price is {@code "0.15"}.
   *
   * @throws XctException if the price is negative
   * @throws NumberFormatException if the string is not a decimal number
   */
  public TokenPrice withCachedPromptPerMillion(String cachedPrompt) {
    return new TokenPrice(promptPerMillion, completionPerMillion, new BigDecimal(cachedPrompt));
  }

  /** Returns what {@code usage} costs: uncached, cached and completion tokens each at its price. */
  public BigDecimal cost(TokenUsage usage) {
    BigDecimal prompt = promptPerMillion.multiply(BigDecimal.valueOf(usage.uncachedPromptTokens()));
    BigDecimal cached =
        cachedPromptPerMillion.multiply(BigDecimal.valueOf(usage.cachedPromptTokens()));
    BigDecimal completion =
        completionPerMillion.multiply(BigDecimal.valueOf(usage.completionTokens()));
    return prompt.add(cached).add(completion).divide(MILLION, MathContext.DECIMAL64);
  }
}
