package dev.xct.core;

/**
 * Counts the tokens a model call used, as the provider reported them.
 *
 * <p>{@code cachedPromptTokens} is the part of {@code promptTokens} the provider served from its
 * prompt cache (OpenAI's {@code prompt_tokens_details.cached_tokens}); providers bill it at a lower
 * price, and a context that stays a prefix of the next request keeps it high. It is zero when the
 * provider reports none. Immutable and thread-safe.
 *
 * @param promptTokens tokens read by the model, cached ones included
 * @param completionTokens tokens written by the model
 * @param cachedPromptTokens the prompt tokens served from the provider's prompt cache
 */
public record TokenUsage(long promptTokens, long completionTokens, long cachedPromptTokens) {
  private static final TokenUsage UNKNOWN = new TokenUsage(0, 0);

  /**
   * @throws IllegalArgumentException if a count is negative, or more prompt tokens are cached than
   *     were read
   */
  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0 || cachedPromptTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
    if (cachedPromptTokens > promptTokens) {
      throw new IllegalArgumentException(
          "cached prompt tokens ("
              + cachedPromptTokens
              + ") must not exceed prompt tokens ("
              + promptTokens
              + ")");
    }
  }

  /**
   * Creates usage with no cached prompt tokens, for providers that report no cache.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public TokenUsage(long promptTokens, long completionTokens) {
    this(promptTokens, completionTokens, 0);
  }

  /** Returns zero usage, for providers that report none. */
  public static TokenUsage unknown() {
    return UNKNOWN;
  }

  /** Returns the prompt tokens the provider did not serve from its cache. */
  public long uncachedPromptTokens() {
    return promptTokens - cachedPromptTokens;
  }

  /** Returns the sum of prompt and completion tokens (cached prompt tokens are prompt tokens). */
  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** Returns the element-wise sum of this and {@code other}. */
  public TokenUsage plus(TokenUsage other) {
    if (other.promptTokens == 0 && other.completionTokens == 0) {
      return this;
    }
    return new TokenUsage(
        promptTokens + other.promptTokens,
        completionTokens + other.completionTokens,
        cachedPromptTokens + other.cachedPromptTokens);
  }
}
