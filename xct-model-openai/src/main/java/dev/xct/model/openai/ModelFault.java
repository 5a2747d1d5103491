package dev.xct.model.openai;

import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.Result;
import java.util.Objects;

/**
 * Describes a reply that came back from the provider but cannot be a decision because of what the
 * model did: it refused, its output was cut off, or it called more than one tool. Faults are the
 * model's to correct, so they go back to it as data and the run goes on; transport trouble is a
 * {@link ModelTransportException} instead and ends the run.
 *
 * <p>Core's {@link dev.xct.core.ModelClient} contract has no way yet to hand the loop a ready-made
 * error, so {@link #toReply(TokenUsage)} turns a fault into reply text the codec is certain to
 * reject: {@code [CODE] message} followed by what the model wrote. The model reads that text back
 * as its own turn next to the codec's {@code INVALID_JSON} error, so it sees both the real cause
 * and its own output. {@link #toFailure()} is the value a loop that understands faults would
 * record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code a stable code: {@link #MODEL_REFUSED}, {@link #OUTPUT_TRUNCATED} or {@link
 *     #MULTIPLE_ACTIONS}
 * @param message what went wrong, for the model
 * @param text what the model wrote, possibly empty
 */
public record ModelFault(String code, String message, String text) {
  /** The model (or the provider's content filter) refused to answer. */
  public static final String MODEL_REFUSED = "MODEL_REFUSED";

  /** The reply was cut off at the output token limit, so its JSON is incomplete. */
  public static final String OUTPUT_TRUNCATED = "OUTPUT_TRUNCATED";

  /** The reply called more than one tool; the protocol allows exactly one action per reply. */
  public static final String MULTIPLE_ACTIONS = "MULTIPLE_ACTIONS";

  /**
   * @throws dev.xct.core.XctException if the code does not match {@link Result#CODE_PATTERN}
   * @throws NullPointerException if a component is null
   */
  public ModelFault {
    Result.failure(code, message); // validates the code the same way every failure is validated
    Objects.requireNonNull(text, "text");
  }

  /**
   * Returns the reply the loop receives for this fault: {@code [CODE] message}, then the model's
   * text on the next line. The leading {@code [} followed by a bare word is never valid JSON, so
   * the codec always rejects it and the model is asked again.
   */
  public ModelReply toReply(TokenUsage usage) {
    String reply = "[" + code + "] " + message + (text.isBlank() ? "" : "\n" + text);
    return new ModelReply(reply, usage);
  }

  /** Returns the failure that a loop able to take faults directly would send to the model. */
  public Result.Failure toFailure() {
    return Result.failure(code, message);
  }
}
