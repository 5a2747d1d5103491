package dev.xct.core;

import java.util.Objects;

/**
 * Holds the model's raw reply text and, where the provider reports it, the tokens it used.
 *
 * @param text exactly what the model returned; XCT decodes it
 * @param usage tokens used for this call ({@link TokenUsage#unknown()} when not reported)
 */
public record ModelReply(String text, TokenUsage usage) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ModelReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(usage, "usage");
  }

  /** Returns a reply without usage information. */
  public static ModelReply of(String text) {
    return new ModelReply(text, TokenUsage.unknown());
  }
}
