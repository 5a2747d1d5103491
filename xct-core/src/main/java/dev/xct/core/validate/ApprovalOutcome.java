package dev.xct.core.validate;

import dev.xct.core.RunResult;
import dev.xct.core.protocol.Result;
import java.util.Objects;

/**
 * Says what became of a person's {@link ApprovalAnswer}: it was accepted and the run resumed (to
 * its end, or to its next pause), or it was refused with a stable code and nothing ran. Either way
 * the answer is journaled, with who gave it and when.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ApprovalOutcome permits ApprovalOutcome.Resumed, ApprovalOutcome.Refused {

  /**
   * The answer settled the request and the run went on.
   *
   * @param result how the resumed run ended
   */
  record Resumed(RunResult result) implements ApprovalOutcome {
    /**
     * @throws NullPointerException if {@code result} is null
     */
    public Resumed {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * The answer was refused and changed nothing.
   *
   * <p>Codes: {@code APPROVAL_MISMATCH} (the answer is for another action), {@code
   * APPROVAL_EXPIRED} (the request expired), {@link #ALREADY_DECIDED}, {@link #NOT_PENDING}, and
   * {@code JOURNAL_FAILED} (the answer could not be journaled, so it was not acted on).
   *
   * @param code stable code matching {@link Result#CODE_PATTERN}
   * @param reason what a person reads
   */
  record Refused(String code, String reason) implements ApprovalOutcome {
    /** The request was answered before; a second answer never counts. */
    public static final String ALREADY_DECIDED = "APPROVAL_ALREADY_DECIDED";

    /** The run waits for no approval. */
    public static final String NOT_PENDING = "APPROVAL_NOT_PENDING";

    /**
     * @throws dev.xct.core.XctException if the code is malformed
     * @throws NullPointerException if a component is null
     */
    public Refused {
      Result.failure(code, reason); // validates both the way every code is validated
    }
  }
}
