package dev.xct.model.support;

import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.util.Objects;

/**
 * Describes a reply that came back from the provider but cannot be a decision because of what the
 * model did: it refused, its output was cut off, or it called more than one tool. Faults are the
 * model's to correct, so they go back to it as data and the run goes on; transport trouble is a
 * {@link ModelTransportException} instead and ends the run.
 *
 * <p>{@link #toReply(TokenUsage)} hands the loop a {@link ModelReply#rejected rejected} reply: the
 * loop records the fault's code instead of decoding the text, and the model reads that code and
 * message next turn, next to its own output.
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
  public static final String MODEL_REFUSED = ErrorCodes.MODEL_REFUSED;

  /** The reply was cut off at the output token limit, so its JSON is incomplete. */
  public static final String OUTPUT_TRUNCATED = ErrorCodes.OUTPUT_TRUNCATED;

  /** The reply called more than one tool; the protocol allows exactly one action per reply. */
  public static final String MULTIPLE_ACTIONS = ErrorCodes.MULTIPLE_ACTIONS;

  /**
   * @throws dev.xct.core.XctException if the code does not match {@link Result#CODE_PATTERN}
   * @throws NullPointerException if a component is null
   */
  public ModelFault {
    Result.failure(code, message); // validates the code the same way every failure is validated
    Objects.requireNonNull(text, "text");
  }

  /**
   * Returns the fault of a model that refused to answer, with the refusal it wrote.
   *
   * @throws NullPointerException if {@code refusal} is null
   */
  public static ModelFault refused(String refusal) {
    return new ModelFault(
        MODEL_REFUSED,
        "the model refused to answer; if the task cannot be done, reply done and say why",
        refusal);
  }

  /**
   * Returns the reply the loop receives for this fault: the model's own text, rejected with {@link
   * #toFailure()}, so the step fails with this fault's code and the model is asked again.
   */
  public ModelReply toReply(TokenUsage usage) {
    return ModelReply.rejected(text, usage, toFailure());
  }

  /** Returns the failure the model receives for this fault. */
  public Result.Failure toFailure() {
    return Result.failure(code, message);
  }
}
