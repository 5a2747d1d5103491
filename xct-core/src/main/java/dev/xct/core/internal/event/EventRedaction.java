package dev.xct.core.internal.event;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelFailure;
import dev.xct.core.ModelReply;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Verdict;
import java.util.Optional;

/**
 * Applies a {@link Redactor} to every value a fact carries: raw replies, decoded arguments, verdict
 * details, tool results, the task, the final message and a model failure's message. Each value
 * reaches one fact, except a proposal's arguments, which its intent carries again: the last value
 * is remembered, by identity, so they are redacted once. Confined to one run's thread.
 */
public final class EventRedaction {
  private final Redactor redactor;
  private JsonValue lastValue;
  private JsonValue lastValueRedacted;

  /** Applies {@code redactor}. */
  public EventRedaction(Redactor redactor) {
    this.redactor = redactor;
  }

  private String text(String text) {
    return redactor.redactText(text);
  }

  private JsonValue value(JsonValue value) {
    if (value != lastValue) {
      lastValueRedacted = redactor.redact(value);
      lastValue = value;
    }
    return lastValueRedacted;
  }

  /**
   * Returns the fact with every carried value redacted: the same instance if nothing changed.
   * Notices ({@link RunEvent.StepCompleted}) are not facts and pass unchanged: the loop derives
   * them from the redacted facts.
   */
  public RunEvent apply(RunEvent event) {
    if (redactor == KeyRedactor.NONE) {
      return event;
    }
    if (event instanceof RunEvent.RunStarted e) {
      String task = text(e.task());
      return task == e.task() ? e : new RunEvent.RunStarted(e.runId(), e.step(), e.at(), task);
    } else if (event instanceof RunEvent.ModelReplied e) {
      ModelReply reply = reply(e.reply(), e.decoded());
      DecodeResult decoded = decoded(e.decoded());
      return reply == e.reply() && decoded == e.decoded()
          ? e
          : new RunEvent.ModelReplied(e.runId(), e.step(), e.at(), reply, decoded, e.latency());
    } else if (event instanceof RunEvent.VerdictIssued e) {
      VerdictRecord verdict = verdict(e.verdict());
      return verdict == e.verdict()
          ? e
          : new RunEvent.VerdictIssued(e.runId(), e.step(), e.at(), verdict);
    } else if (event instanceof RunEvent.ToolStarting e) {
      ToolCall call = call(e.call());
      return call == e.call() ? e : new RunEvent.ToolStarting(e.runId(), e.step(), e.at(), call);
    } else if (event instanceof RunEvent.ToolFinished e) {
      Result result = result(e.result());
      return result == e.result()
          ? e
          : new RunEvent.ToolFinished(e.runId(), e.step(), e.at(), e.tool(), result, e.duration());
    } else if (event instanceof RunEvent.RunEnded e) {
      String message = text(e.message());
      Optional<ModelFailure> failure = e.failure().map(this::failure);
      return message == e.message() && same(failure, e.failure())
          ? e
          : new RunEvent.RunEnded(
              e.runId(), e.step(), e.at(), e.status(), e.code(), message, failure);
    } else if (event instanceof RunEvent.ApprovalRequested e) {
      PendingApproval r = e.request();
      ToolCall call = call(r.call());
      JsonValue preview = redactor.redact(r.preview());
      String reason = text(r.reason());
      return call == r.call() && preview == r.preview() && reason == r.reason()
          ? e
          : new RunEvent.ApprovalRequested(
              e.runId(),
              e.step(),
              e.at(),
              e.validator(),
              new PendingApproval(
                  r.runId(),
                  r.step(),
                  call,
                  r.action(),
                  preview,
                  reason,
                  r.destructive(),
                  r.askedAt(),
                  r.expiresAt(),
                  r.fingerprint()));
    } else if (event instanceof RunEvent.ApprovalDecided e) {
      ApprovalDecision decision = decision(e.decision());
      return decision == e.decision()
          ? e
          : new RunEvent.ApprovalDecided(
              e.runId(), e.step(), e.at(), e.action(), e.decidedBy(), decision, e.refused());
    }
    return event;
  }

  private ApprovalDecision decision(ApprovalDecision decision) {
    if (decision instanceof ApprovalDecision.Deny deny) {
      String reason = text(deny.reason());
      return reason == deny.reason() ? deny : ApprovalDecision.deny(reason);
    } else if (decision instanceof ApprovalDecision.Stop stop) {
      String reason = text(stop.reason());
      return reason == stop.reason() ? stop : ApprovalDecision.stop(reason);
    }
    return decision;
  }

  private static <T> boolean same(Optional<T> a, Optional<T> b) {
    return a.isEmpty() ? b.isEmpty() : b.isPresent() && a.get() == b.get();
  }

  private ModelReply reply(ModelReply reply, DecodeResult decoded) {
    // Most replies decode: their text need not be scanned again when the decision shows no secret.
    String text =
        redactor instanceof KeyRedactor keys
                && reply.fault().isEmpty()
                && decoded instanceof DecodeResult.Valid valid
            ? keys.redactDecodedText(reply.text(), valid.decision())
            : text(reply.text());
    Optional<Result.Failure> fault = reply.fault();
    if (fault.isPresent()) {
      Result.Failure redacted = failure(fault.get());
      fault = redacted == fault.get() ? fault : Optional.of(redacted);
    }
    return text == reply.text() && fault == reply.fault()
        ? reply
        : new ModelReply(text, reply.usage(), fault);
  }

  private ToolCall call(ToolCall call) {
    JsonValue arguments = value(call.arguments());
    return arguments == call.arguments() ? call : new ToolCall(call.tool(), arguments, call.goal());
  }

  private DecodeResult decoded(DecodeResult decoded) {
    if (decoded instanceof DecodeResult.Valid valid) {
      Decision decision = decision(valid.decision());
      return decision == valid.decision() ? decoded : new DecodeResult.Valid(decision);
    }
    Result.Failure failure = ((DecodeResult.Invalid) decoded).failure();
    Result.Failure redacted = failure(failure);
    return redacted == failure ? decoded : new DecodeResult.Invalid(redacted);
  }

  private Decision decision(Decision decision) {
    if (decision instanceof Decision.Proposal p) {
      JsonValue arguments = value(p.arguments());
      return arguments == p.arguments() ? p : new Decision.Proposal(p.tool(), arguments, p.goal());
    }
    return decision;
  }

  private Result result(Result result) {
    if (result instanceof Result.Success success) {
      JsonValue value = value(success.result());
      return value == success.result() ? success : new Result.Success(value);
    }
    return failure((Result.Failure) result);
  }

  private Result.Failure failure(Result.Failure f) {
    JsonValue details = value(f.details());
    return details == f.details() ? f : new Result.Failure(f.code(), f.message(), details);
  }

  private ModelFailure failure(ModelFailure f) {
    String message = text(f.message());
    return message == f.message()
        ? f
        : new ModelFailure(f.type(), message, f.status(), f.retryAfter(), f.cause());
  }

  private VerdictRecord verdict(VerdictRecord record) {
    if (record.verdict() instanceof Verdict.Deny deny) {
      JsonValue details = value(deny.details());
      return details == deny.details()
          ? record
          : new VerdictRecord(
              record.validator(), new Verdict.Deny(deny.code(), deny.reason(), details));
    }
    return record;
  }
}
