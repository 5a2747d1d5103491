package dev.xct.temporal.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Result;

/**
 * Carries a {@link ModelReply} through Temporal's payload converter: the text, the usage, and the
 * fault an adapter reported ({@code faultCode} {@code null} when none). Immutable.
 */
public record ModelAnswer(
    String text,
    long promptTokens,
    long completionTokens,
    String faultCode,
    String faultMessage,
    String faultDetails) {

  /** Returns the answer carrying {@code reply}. */
  public static ModelAnswer of(ModelReply reply) {
    TokenUsage usage = reply.usage();
    Result.Failure fault = reply.fault().orElse(null);
    return new ModelAnswer(
        reply.text(),
        usage.promptTokens(),
        usage.completionTokens(),
        fault == null ? null : fault.code(),
        fault == null ? null : fault.message(),
        fault == null ? null : fault.details().toJson());
  }

  /** Returns the reply this answer carries. */
  public ModelReply toReply() {
    TokenUsage usage = new TokenUsage(promptTokens, completionTokens);
    return faultCode == null
        ? new ModelReply(text, usage)
        : ModelReply.rejected(
            text,
            usage,
            new Result.Failure(faultCode, faultMessage, JsonValue.parse(faultDetails)));
  }
}
