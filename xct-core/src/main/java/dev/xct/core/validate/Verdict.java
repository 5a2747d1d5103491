package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.JsonConverter;
import dev.xct.core.protocol.Result;
import java.util.Objects;

/**
 * Holds a validator's judgement of one proposal.
 *
 * <ul>
 *   <li>{@link Allow}: this validator has no objection; the next one is asked.
 *   <li>{@link Approved}: a person (through an {@link Approver}) approved exactly this action.
 *   <li>{@link Deny}: the step fails with {@code code}; the model is told {@code reason} and the
 *       run goes on.
 *   <li>{@link Stop}: the run ends with {@code code}.
 *   <li>{@link Deferred}: a person must answer later; the run ends {@link
 *       dev.xct.core.RunStatus#AWAITING_APPROVAL} with the question journaled.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Verdict
    permits Verdict.Allow, Verdict.Approved, Verdict.Deny, Verdict.Stop, Verdict.Deferred {

  /** Returns the shared allow verdict. */
  static Allow allow() {
    return Allow.INSTANCE;
  }

  /** Returns a denial with a stable code and a reason for the model. */
  static Deny deny(String code, String reason) {
    return new Deny(code, reason, JsonValue.emptyObject());
  }

  /**
   * Returns a denial with structured details, converted to a JSON object as {@link
   * dev.xct.core.protocol.Result#failure(String, String, Object)} converts them.
   *
   * @throws dev.xct.core.XctException if the details are not JSON-like (the message names the path
   *     and type) or not an object, or the code is invalid
   */
  static Deny deny(String code, String reason, Object details) {
    return new Deny(code, reason, JsonConverter.convert(details, "details"));
  }

  /** Returns a verdict that ends the run with {@link dev.xct.core.RunStatus#STOPPED}. */
  static Stop stop(String code, String reason) {
    return new Stop(code, reason, false);
  }

  /**
   * Returns a verdict that ends the run because a budget is spent: the run ends with {@link
   * dev.xct.core.RunStatus#LIMIT_REACHED}, as when the loop's own budgets run out.
   */
  static Stop limitReached(String code, String reason) {
    return new Stop(code, reason, true);
  }

  /** Returns whether the proposal may proceed past this validator. */
  default boolean allows() {
    return this instanceof Allow || this instanceof Approved;
  }

  /** No objection. */
  final class Allow implements Verdict {
    private static final Allow INSTANCE = new Allow();

    private Allow() {}

    @Override
    public String toString() {
      return "Allow";
    }
  }

  /**
   * A person approved the action identified by {@code action}; the loop checks that this is the
   * action it is about to run, so an approval can never be reused for another.
   *
   * @param action the digest of the approved tool and canonical arguments
   * @param approver who approved, for the record
   */
  record Approved(ActionDigest action, String approver) implements Verdict {
    /**
     * @throws NullPointerException if a component is null
     */
    public Approved {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(approver, "approver");
    }
  }

  /**
   * The step is refused; the model receives an error with this code, reason and details.
   *
   * @param code stable code matching {@link Result#CODE_PATTERN}
   * @param reason explanation sent to the model
   * @param details structured context, a JSON object
   */
  record Deny(String code, String reason, JsonValue details) implements Verdict {
    /**
     * @throws XctException if the code is malformed or the details are not an object
     */
    public Deny {
      new Result.Failure(code, reason, details); // validates all three the same way
    }

    /** Returns the failure the model receives. */
    public Result.Failure toFailure() {
      return new Result.Failure(code, reason, details);
    }
  }

  /**
   * The run ends now.
   *
   * @param code stable code matching {@link Result#CODE_PATTERN}
   * @param reason explanation recorded on the run result
   * @param limitReached whether a budget is spent: the run then ends with {@link
   *     dev.xct.core.RunStatus#LIMIT_REACHED}, otherwise with {@link
   *     dev.xct.core.RunStatus#STOPPED}
   */
  record Stop(String code, String reason, boolean limitReached) implements Verdict {
    /**
     * @throws XctException if the code is malformed
     */
    public Stop {
      new Result.Failure(code, reason, JsonValue.emptyObject());
    }

    /**
     * Creates a stop that is not a spent budget.
     *
     * @throws XctException if the code is malformed
     */
    public Stop(String code, String reason) {
      this(code, reason, false);
    }

    /** Returns the failure recorded for the step that was stopped. */
    public Result.Failure toFailure() {
      return Result.failure(code, reason);
    }
  }

  /**
   * The proposal waits for a person: the loop journals {@code request} and ends the run {@link
   * dev.xct.core.RunStatus#AWAITING_APPROVAL}; nothing runs until an answer resumes it.
   *
   * @param request the question, bound to the exact action
   */
  record Deferred(PendingApproval request) implements Verdict {
    /**
     * @throws NullPointerException if {@code request} is null
     */
    public Deferred {
      Objects.requireNonNull(request, "request");
    }
  }
}
