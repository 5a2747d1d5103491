package dev.xct.core;

import dev.xct.core.protocol.Result;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the model's raw reply text, the tokens it used where the provider reports them, and, when a
 * model client already knows the reply cannot be a decision (the model refused, its output was cut
 * off at the token limit, it made several tool calls), the fault the model should read.
 *
 * @param text exactly what the model returned; XCT decodes it unless a fault is given
 * @param usage tokens used for this call ({@link TokenUsage#unknown()} when not reported)
 * @param fault the error the model receives instead of decoding {@code text}; empty normally
 */
public record ModelReply(String text, TokenUsage usage, Optional<Result.Failure> fault) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ModelReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(fault, "fault");
  }

  /** Creates a reply to decode, with usage. */
  public ModelReply(String text, TokenUsage usage) {
    this(text, usage, Optional.empty());
  }

  /** Returns a reply without usage information. */
  public static ModelReply of(String text) {
    return new ModelReply(text, TokenUsage.unknown());
  }

  /**
   * Returns a reply the model is at fault for: the step fails with {@code fault} (for example
   * {@code MODEL_REFUSED} or {@code OUTPUT_TRUNCATED}), the model reads it next turn, and the run
   * goes on. Transport failures are not faults: a client throws for those.
   */
  public static ModelReply rejected(String text, TokenUsage usage, Result.Failure fault) {
    return new ModelReply(text, usage, Optional.of(Objects.requireNonNull(fault, "fault")));
  }
}
