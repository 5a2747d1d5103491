package dev.xct.core.event;

import dev.xct.core.ModelFailure;
import dev.xct.core.ModelReply;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.XctException;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.PendingApproval;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes one thing that happened in a run, in order. Listeners receive these synchronously on
 * the run's thread; the sequence for one run is deterministic given the same model replies, tool
 * results and clock.
 *
 * <p>Per step the order is: {@link ModelReplied}, zero or more {@link VerdictIssued}, then {@link
 * ToolStarting} and {@link ToolFinished} if the tool runs, then {@link StepCompleted}. A run begins
 * with {@link RunStarted} and always ends with {@link RunEnded}. {@link ToolStarting} is the
 * write-ahead intent: it is emitted before the tool runs, with everything needed to know what was
 * about to happen. A run continued with {@link dev.xct.core.loop.ExecutionLoop#resume(String)}
 * emits {@link RunResumed} first; a step interrupted by the crash may then begin twice (its
 * abandoned beginning, then the step as resumed).
 *
 * <p>A proposal that waits for a person records {@link ApprovalRequested} where its deferring
 * verdict would be, and the run ends {@link RunStatus#AWAITING_APPROVAL}; each answer later given
 * is an {@link ApprovalDecided} (accepted or refused), and a request found expired an {@link
 * ApprovalExpired}. An accepted answer is followed by {@link RunResumed} and, for an approval, by
 * the step's verdicts again: the whole chain judges the proposal once more.
 *
 * <p>Every event but {@link StepCompleted} is a fact, recorded once (and journaled, with a
 * journal): a value travels in one event only. {@link StepCompleted} is a notice derived from the
 * facts before it, which listeners receive and journals do not hold; {@link StepTracker} derives
 * the same steps from facts alone.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface RunEvent {

  /** Returns the id of the run this event belongs to. */
  String runId();

  /** Returns the step number (0 for events outside any step). */
  int step();

  /** Returns when it happened, by the loop's clock. */
  Instant at();

  /** The run began. */
  record RunStarted(String runId, int step, Instant at, String task) implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public RunStarted {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(task, "task");
    }
  }

  /**
   * The run was continued from its journal after an interruption.
   *
   * @param step the number of steps already completed when the run was resumed
   */
  record RunResumed(String runId, int step, Instant at) implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public RunResumed {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The model replied and the reply was decoded (or rejected by the codec). */
  record ModelReplied(
      String runId, int step, Instant at, ModelReply reply, DecodeResult decoded, Duration latency)
      implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public ModelReplied {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reply, "reply");
      Objects.requireNonNull(decoded, "decoded");
      Objects.requireNonNull(latency, "latency");
    }
  }

  /** A validator judged the step's proposal. */
  record VerdictIssued(String runId, int step, Instant at, VerdictRecord verdict)
      implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public VerdictIssued {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * Every validator allowed the proposal; the tool is about to run. This is the write-ahead intent:
   * the verdicts that allowed it are the step's {@link VerdictIssued} events just before.
   */
  record ToolStarting(String runId, int step, Instant at, ToolCall call) implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public ToolStarting {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(call, "call");
    }
  }

  /** The tool returned, failed, crashed or timed out. */
  record ToolFinished(
      String runId, int step, Instant at, String tool, Result result, Duration duration)
      implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public ToolFinished {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * The step is complete and part of the transcript: a notice for listeners, derived from the
   * step's events before it and never journaled (journals written before format 2 hold it, and are
   * still read).
   */
  record StepCompleted(String runId, int step, Instant at, Step record) implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public StepCompleted {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * The run ended; no further events follow for it.
   *
   * @param failure why the model client failed, when the run ended {@link RunStatus#MODEL_FAILED}:
   *     never with its cause (an exception is not data), which the constructor drops; empty in
   *     journals written before failures were recorded
   */
  record RunEnded(
      String runId,
      int step,
      Instant at,
      RunStatus status,
      Optional<String> code,
      String message,
      Optional<ModelFailure> failure)
      implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     * @throws XctException if a failure is given for a run that did not end {@code MODEL_FAILED}
     */
    public RunEnded {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      failure = Objects.requireNonNull(failure, "failure").map(ModelFailure::withoutCause);
      if (failure.isPresent() && status != RunStatus.MODEL_FAILED) {
        throw new XctException("only a MODEL_FAILED run has a model failure, not " + status);
      }
    }

    /**
     * Creates the event without a model failure, as before events carried one.
     *
     * @throws NullPointerException if a component is null
     */
    public RunEnded(
        String runId,
        int step,
        Instant at,
        RunStatus status,
        Optional<String> code,
        String message) {
      this(runId, step, at, status, code, message, Optional.empty());
    }
  }

  /**
   * A validator deferred the proposal to a person; the run ends awaiting the answer.
   *
   * @param validator the name of the validator that asked
   * @param request the question, bound to the exact action
   */
  record ApprovalRequested(
      String runId, int step, Instant at, String validator, PendingApproval request)
      implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public ApprovalRequested {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(validator, "validator");
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * A person answered a pending request. An answer is either accepted (it settles the request and
   * the run resumes with it) or refused with a stable code and changes nothing.
   *
   * @param action the action the answer was for
   * @param decidedBy who answered
   * @param decision approve, deny or stop
   * @param refused the code the answer was refused with; empty if it was accepted
   */
  record ApprovalDecided(
      String runId,
      int step,
      Instant at,
      ActionDigest action,
      String decidedBy,
      ApprovalDecision decision,
      Optional<String> refused)
      implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public ApprovalDecided {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(decidedBy, "decidedBy");
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(refused, "refused");
    }

    /** Returns whether the answer settled the request. */
    public boolean accepted() {
      return refused.isEmpty();
    }
  }

  /**
   * A pending request expired unanswered and was settled as refused; the model is told {@code
   * APPROVAL_EXPIRED} and the run goes on.
   *
   * @param action the action that was not approved in time
   */
  record ApprovalExpired(String runId, int step, Instant at, ActionDigest action)
      implements RunEvent {
    /**
     * @throws NullPointerException if a component is null
     */
    public ApprovalExpired {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(action, "action");
    }
  }
}
