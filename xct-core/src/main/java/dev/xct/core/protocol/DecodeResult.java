package dev.xct.core.protocol;

import java.util.Objects;

/**
 * Holds the outcome of decoding one model reply: a {@link Decision}, or the {@link Result.Failure}
 * that goes back to the model. Decoding never throws for bad input; this value is the whole answer.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface DecodeResult permits DecodeResult.Valid, DecodeResult.Invalid {

  /** The reply was one well-formed decision. */
  record Valid(Decision decision) implements DecodeResult {
    /**
     * @throws NullPointerException if {@code decision} is null
     */
    public Valid {
      Objects.requireNonNull(decision, "decision");
    }
  }

  /**
   * The reply was rejected; {@code failure} says why, with one of the six protocol codes of {@link
   * ErrorCodes} ({@code EMPTY_REPLY}, {@code REPLY_TOO_LARGE}, {@code REPLY_TOO_DEEP}, {@code
   * INVALID_JSON}, {@code DUPLICATE_KEY}, {@code INVALID_REPLY}) and a message for the model.
   */
  record Invalid(Result.Failure failure) implements DecodeResult {
    /**
     * @throws NullPointerException if {@code failure} is null
     */
    public Invalid {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
