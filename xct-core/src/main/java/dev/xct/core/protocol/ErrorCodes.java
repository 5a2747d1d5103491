package dev.xct.core.protocol;

/**
 * Names every error code that XCT's core produces. Codes are stable: they are part of the wire
 * protocol, and models, dashboards and tests may match on them. Tool modules define their own codes
 * (for example {@code PATH_OUTSIDE_ROOT}) with the same pattern; {@code docs/protocol.md} lists
 * all.
 */
public final class ErrorCodes {
  // The model's reply could not be read as one decision: the six codes ProtocolCodec produces.
  // The first five are parse-level (no JSON Schema can express them); INVALID_REPLY means the
  // reply is JSON that the published model-reply schema rejects.
  /** The reply was empty, only white space, or an empty code fence. */
  public static final String EMPTY_REPLY = "EMPTY_REPLY";

  /**
   * The reply is longer than the codec's character limit, or holds a number literal longer than
   * {@link ProtocolCodec#MAX_NUMBER_LENGTH} characters.
   */
  public static final String REPLY_TOO_LARGE = "REPLY_TOO_LARGE";

  /** The reply nests objects and arrays deeper than the codec's depth limit. */
  public static final String REPLY_TOO_DEEP = "REPLY_TOO_DEEP";

  /**
   * The reply is not exactly one faithful JSON value: a syntax error (comments, single quotes,
   * unquoted names, NaN, trailing commas...), content after the value, a markdown code fence the
   * codec was not told to strip, a number (integer or not) beyond a double's range, or an unpaired
   * surrogate.
   */
  public static final String INVALID_JSON = "INVALID_JSON";

  /** An object in the reply, at any depth, names the same member twice. */
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";

  /**
   * The reply is JSON but not one of the two decision shapes: not an object, both or neither of
   * {@code next_step} and {@code done}, an unknown member, or a member of the wrong type.
   */
  public static final String INVALID_REPLY = "INVALID_REPLY";

  // A validator refused the proposal.
  /** The proposal names a tool that is not registered. */
  public static final String UNKNOWN_TOOL = "UNKNOWN_TOOL";

  /** The arguments do not match the tool's input schema. */
  public static final String INVALID_ARGUMENTS = "INVALID_ARGUMENTS";

  /** A policy rule denied the proposal, or no rule allowed it. */
  public static final String POLICY_DENIED = "POLICY_DENIED";

  /** The approver refused the proposal. */
  public static final String APPROVAL_DENIED = "APPROVAL_DENIED";

  /** An approval did not match the exact action it was presented with. */
  public static final String APPROVAL_MISMATCH = "APPROVAL_MISMATCH";

  /**
   * A deferred approval was given, but the target changed since the person saw its preview (the
   * tool's fingerprint differs); nothing ran.
   */
  public static final String APPROVAL_STALE = "APPROVAL_STALE";

  /** A deferred approval request expired before an answer could take effect; nothing ran. */
  public static final String APPROVAL_EXPIRED = "APPROVAL_EXPIRED";

  /** A validator threw instead of returning a verdict; XCT fails closed. */
  public static final String VALIDATOR_ERROR = "VALIDATOR_ERROR";

  // The run ends.
  /** The run paused until a person answers its approval request. */
  public static final String APPROVAL_PENDING = "APPROVAL_PENDING";

  /** The approver stopped the run. */
  public static final String APPROVAL_STOPPED = "APPROVAL_STOPPED";

  /** The run used its maximum number of steps. */
  public static final String MAX_STEPS_EXCEEDED = "MAX_STEPS_EXCEEDED";

  /** Too many steps in a row failed. */
  public static final String MAX_CONSECUTIVE_ERRORS = "MAX_CONSECUTIVE_ERRORS";

  /** A tool was proposed again after it had been executed as often as its quota allows. */
  public static final String TOOL_QUOTA_EXCEEDED = "TOOL_QUOTA_EXCEEDED";

  /** The run's wall-clock deadline passed. */
  public static final String DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED";

  /** The run was cancelled by its caller. */
  public static final String CANCELLED = "CANCELLED";

  /** The model client failed (transport, authentication, server error). */
  public static final String MODEL_FAILED = "MODEL_FAILED";

  // The tool ran but did not succeed.
  /** The tool threw; the stack trace is logged, never sent to the model. */
  public static final String TOOL_CRASHED = "TOOL_CRASHED";

  /** The tool ran past its timeout and was abandoned. */
  public static final String TOOL_TIMEOUT = "TOOL_TIMEOUT";

  // Added with the journal (appended here so that earlier constants keep their place).
  /**
   * The journal could not durably record the run (or the redactor failed, so that nothing could be
   * recorded safely); the tool did not run and the run stops, because it could no longer be traced.
   */
  public static final String JOURNAL_FAILED = "JOURNAL_FAILED";

  /**
   * A resumed run found a tool call that had started before a crash but whose outcome was never
   * recorded; it may or may not have taken effect, and it was not run again.
   */
  public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

  // Added with the model adapters.
  /** The model (or its provider's content filter) refused to answer. */
  public static final String MODEL_REFUSED = "MODEL_REFUSED";

  /** The model's output was cut off at its token limit, so its JSON is incomplete. */
  public static final String OUTPUT_TRUNCATED = "OUTPUT_TRUNCATED";

  /** The model made more than one tool call in one reply; XCT takes exactly one action per step. */
  public static final String MULTIPLE_ACTIONS = "MULTIPLE_ACTIONS";

  /** The run used its token budget. */
  public static final String TOKEN_BUDGET_EXCEEDED = "TOKEN_BUDGET_EXCEEDED";

  /**
   * No thread was free to run the tool (every thread of the loop's bounded pool was busy on a JDK
   * without virtual threads, or a configured tool executor refused the call); it did not run.
   */
  public static final String TOOL_REJECTED = "TOOL_REJECTED";

  private ErrorCodes() {}
}
