package dev.xct.core;

/**
 * Counts the tokens a model call used, as the provider reported them.
 *
 * @param promptTokens tokens read by the model
 * @param completionTokens tokens written by the model
 */
public record TokenUsage(long promptTokens, long completionTokens) {
  private static final TokenUsage UNKNOWN = new TokenUsage(0, 0);

  /**
   * @throws IllegalArgumentException if a count is negative
   */
  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /** Returns zero usage, for providers that report none. */
  public static TokenUsage unknown() {
    return UNKNOWN;
  }

  /** Returns the sum of both counts. */
  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** Returns the element-wise sum of this and {@code other}. */
  public TokenUsage plus(TokenUsage other) {
    if (other.promptTokens == 0 && other.completionTokens == 0) {
      return this;
    }
    return new TokenUsage(
        promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }
}
