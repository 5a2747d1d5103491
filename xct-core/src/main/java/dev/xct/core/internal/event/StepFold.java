package dev.xct.core.internal.event;

import dev.xct.core.ModelReply;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds one run's facts, in order, into its steps: the one place a {@link Step} is made, for the
 * live transcript, for the steps listeners are told of, and when a run is read back to resume it. A
 * step is complete when its facts say so: a rejected reply or a done decision by the model's reply,
 * a refused proposal by the verdict that denied or stopped it, an executed one by the tool's
 * outcome. A new reply for a step starts it afresh (a resumed run asks again for a step the crash
 * cut short before its intent). A step that waited for a person keeps its request and the accepted
 * answer pending; an approval clears its verdicts, as does each resume after it, since the whole
 * chain judges the proposal again: the step shows the verdicts that let it run. Not thread-safe:
 * one fold per run and view.
 */
public final class StepFold {
  private RunEvent.ModelReplied reply;
  private final List<VerdictRecord> verdicts = new ArrayList<>();
  // The last steps' verdicts as an immutable list: consecutive steps that every validator allowed
  // carry the same verdict records, so their steps share one list.
  private List<VerdictRecord> lastVerdicts = List.of();
  private RunEvent.ToolStarting intent;
  private RunEvent.ApprovalRequested request;
  private RunEvent.ApprovalDecided answer;
  // How the step the last fact completed ended; it is built only when asked for.
  private boolean complete;
  private Decision decision;
  private Result result;
  private boolean executed;
  private Duration toolDuration;

  /**
   * Takes the run's next fact; returns whether it completes a step, which {@link #completed()} then
   * builds.
   */
  public boolean accept(RunEvent fact) {
    if (complete) {
      reset();
    }
    if (fact instanceof RunEvent.ModelReplied replied) {
      reset();
      reply = replied;
      if (replied.decoded() instanceof DecodeResult.Invalid invalid) {
        return complete(null, invalid.failure(), false, Duration.ZERO);
      }
      Decision decided = ((DecodeResult.Valid) replied.decoded()).decision();
      return decided instanceof Decision.Done && complete(decided, null, false, Duration.ZERO);
    }
    if (fact instanceof RunEvent.VerdictIssued issued) {
      verdicts.add(issued.verdict());
      Verdict verdict = issued.verdict().verdict();
      if (verdict instanceof Verdict.Deny deny) {
        return complete(proposal(), deny.toFailure(), false, Duration.ZERO);
      }
      if (verdict instanceof Verdict.Stop stop) {
        return complete(proposal(), stop.toFailure(), false, Duration.ZERO);
      }
    } else if (fact instanceof RunEvent.ApprovalRequested requested) {
      request = requested;
      answer = null;
    } else if (fact instanceof RunEvent.ApprovalDecided decided) {
      if (decided.accepted() && request != null && answer == null) {
        answer = decided;
        if (decided.decision() instanceof ApprovalDecision.Approve) {
          verdicts.clear();
        }
      }
    } else if (fact instanceof RunEvent.RunResumed) {
      if (answer != null && answer.decision() instanceof ApprovalDecision.Approve) {
        verdicts.clear();
      }
    } else if (fact instanceof RunEvent.ToolStarting starting) {
      intent = starting;
    } else if (fact instanceof RunEvent.ToolFinished finished) {
      return complete(proposal(), finished.result(), true, finished.duration());
    }
    return false;
  }

  /** Builds the step the last accepted fact completed. */
  public Step completed() {
    if (!complete) {
      throw new IllegalStateException("no step was completed");
    }
    int number;
    Instant startedAt;
    ModelReply replied;
    Duration latency;
    if (reply != null) {
      number = reply.step();
      startedAt = reply.at().minus(reply.latency());
      replied = reply.reply();
      latency = reply.latency();
    } else {
      // Only a journal that lost the reply before an intent: the intent's time stands in.
      number = intent.step();
      startedAt = intent.at();
      replied = new ModelReply("", TokenUsage.unknown());
      latency = Duration.ZERO;
    }
    Step.Header header =
        new Step.Header(number, startedAt, replied.text(), latency, replied.usage());
    if (decision == null) {
      return new Step.Rejected(header, (Result.Failure) result);
    }
    if (decision instanceof Decision.Done done) {
      return new Step.Done(header, done);
    }
    Decision.Proposal proposal = (Decision.Proposal) decision;
    List<VerdictRecord> reached = verdicts();
    return executed
        ? new Step.Executed(header, proposal, reached, result, toolDuration)
        : new Step.Refused(header, proposal, reached, (Result.Failure) result);
  }

  private List<VerdictRecord> verdicts() {
    boolean same = verdicts.size() == lastVerdicts.size();
    for (int i = 0; same && i < verdicts.size(); i++) {
      same = verdicts.get(i) == lastVerdicts.get(i);
    }
    if (!same) {
      lastVerdicts = List.copyOf(verdicts);
    }
    return lastVerdicts;
  }

  /**
   * Completes the pending proposal as refused with {@code failure}, which no fact records: its
   * intent could not be journaled, so it never ran.
   */
  public Step refuse(Result.Failure failure) {
    complete(proposal(), failure, false, Duration.ZERO);
    return completed();
  }

  /**
   * Takes over {@code other}'s pending step, as if this fold had accepted the same facts since its
   * last completed step: nothing if {@code other} has none.
   */
  public void follow(StepFold other) {
    reset();
    if (!other.complete) {
      reply = other.reply;
      verdicts.addAll(other.verdicts);
      intent = other.intent;
      request = other.request;
      answer = other.answer;
    }
  }

  /** Forgets the pending step. */
  public void reset() {
    reply = null;
    verdicts.clear();
    intent = null;
    request = null;
    answer = null;
    complete = false;
  }

  /** Returns the pending step's reply, if the model had replied. */
  Optional<RunEvent.ModelReplied> pendingReply() {
    return complete ? Optional.empty() : Optional.ofNullable(reply);
  }

  /** Returns the pending step's intent, if its tool had been started and not finished. */
  public Optional<RunEvent.ToolStarting> pendingIntent() {
    return complete ? Optional.empty() : Optional.ofNullable(intent);
  }

  /** Returns the pending step's approval request, if it waits (or waited) for a person. */
  public Optional<RunEvent.ApprovalRequested> pendingRequest() {
    return complete ? Optional.empty() : Optional.ofNullable(request);
  }

  /** Returns the accepted answer to the pending step's request, if one was given. */
  public Optional<RunEvent.ApprovalDecided> pendingAnswer() {
    return complete ? Optional.empty() : Optional.ofNullable(answer);
  }

  /** Returns the pending step's proposal, if the model's reply holds one. */
  public Optional<Decision.Proposal> pendingProposal() {
    return !complete
            && reply != null
            && reply.decoded() instanceof DecodeResult.Valid valid
            && valid.decision() instanceof Decision.Proposal proposal
        ? Optional.of(proposal)
        : Optional.empty();
  }

  private Decision proposal() {
    if (reply != null && reply.decoded() instanceof DecodeResult.Valid valid) {
      return valid.decision();
    }
    ToolCall call = intent.call();
    return Decision.propose(call.tool(), call.arguments(), call.goal());
  }

  private boolean complete(Decision decided, Result outcome, boolean ran, Duration took) {
    complete = true;
    decision = decided;
    result = outcome;
    executed = ran;
    toolDuration = took;
    return true;
  }
}
