package dev.xct.core.internal;

import dev.xct.core.ModelReply;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link Redactor} to every value an event carries: raw replies, decoded arguments,
 * verdict details, tool results and the steps built from them. Stateless and thread-safe.
 */
final class EventRedaction {
  private final Redactor redactor;

  EventRedaction(Redactor redactor) {
    this.redactor = redactor;
  }

  RunEvent apply(RunEvent event) {
    if (redactor == KeyRedactor.NONE) {
      return event;
    }
    if (event instanceof RunEvent.RunStarted e) {
      return new RunEvent.RunStarted(e.runId(), e.step(), e.at(), redactor.redactText(e.task()));
    } else if (event instanceof RunEvent.ModelReplied e) {
      ModelReply reply = new ModelReply(redactor.redactText(e.reply().text()), e.reply().usage());
      return new RunEvent.ModelReplied(
          e.runId(), e.step(), e.at(), reply, decoded(e.decoded()), e.latency());
    } else if (event instanceof RunEvent.VerdictIssued e) {
      return new RunEvent.VerdictIssued(e.runId(), e.step(), e.at(), verdict(e.verdict()));
    } else if (event instanceof RunEvent.ToolStarting e) {
      ToolCall call =
          new ToolCall(e.call().tool(), redactor.redact(e.call().arguments()), e.call().goal());
      return new RunEvent.ToolStarting(e.runId(), e.step(), e.at(), call, verdicts(e.verdicts()));
    } else if (event instanceof RunEvent.ToolFinished e) {
      return new RunEvent.ToolFinished(
          e.runId(), e.step(), e.at(), e.tool(), result(e.result()), e.duration());
    } else if (event instanceof RunEvent.StepCompleted e) {
      return new RunEvent.StepCompleted(e.runId(), e.step(), e.at(), step(e.record()));
    } else if (event instanceof RunEvent.RunEnded e) {
      return new RunEvent.RunEnded(
          e.runId(), e.step(), e.at(), e.status(), e.code(), redactor.redactText(e.message()));
    }
    return event;
  }

  /** Returns the step with every recorded value redacted. */
  Step step(Step s) {
    return new Step(
        s.number(),
        s.startedAt(),
        redactor.redactText(s.rawReply()),
        s.decision().map(this::decision),
        verdicts(s.verdicts()),
        s.result().map(this::result),
        s.executed(),
        s.modelLatency(),
        s.toolDuration(),
        s.usage());
  }

  private DecodeResult decoded(DecodeResult decoded) {
    if (decoded instanceof DecodeResult.Valid valid) {
      return new DecodeResult.Valid(decision(valid.decision()));
    }
    return new DecodeResult.Invalid(failure(((DecodeResult.Invalid) decoded).failure()));
  }

  private Decision decision(Decision decision) {
    if (decision instanceof Decision.Proposal p) {
      return new Decision.Proposal(p.tool(), redactor.redact(p.arguments()), p.goal());
    }
    return decision;
  }

  private Result result(Result result) {
    if (result instanceof Result.Success success) {
      return new Result.Success(redactor.redact(success.result()));
    }
    return failure((Result.Failure) result);
  }

  private Result.Failure failure(Result.Failure f) {
    return new Result.Failure(f.code(), f.message(), redactor.redact(f.details()));
  }

  private List<VerdictRecord> verdicts(List<VerdictRecord> verdicts) {
    List<VerdictRecord> out = new ArrayList<>(verdicts.size());
    verdicts.forEach(v -> out.add(verdict(v)));
    return out;
  }

  private VerdictRecord verdict(VerdictRecord record) {
    if (record.verdict() instanceof Verdict.Deny deny) {
      return new VerdictRecord(
          record.validator(),
          new Verdict.Deny(deny.code(), deny.reason(), redactor.redact(deny.details())));
    }
    return record;
  }
}
