package dev.xct.core.internal.event;

import static dev.xct.core.internal.codec.WireDecoder.text;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelFailure;
import dev.xct.core.ModelReply;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.codec.WireDecoder;
import dev.xct.core.internal.json.Json;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON that {@link EventJson} writes back into typed {@link RunEvent}s: the reverse
 * mapping, exact except that durations keep whole microseconds. Stateless and thread-safe.
 */
public final class EventParser {
  /**
   * The codes that ended a run {@code LIMIT_REACHED} when a stop verdict did not say so itself:
   * format 1 journals were written before {@link Verdict.Stop#limitReached()} existed.
   */
  private static final Set<String> LEGACY_LIMIT_CODES =
      Set.of(
          ErrorCodes.MAX_STEPS_EXCEEDED,
          ErrorCodes.MAX_CONSECUTIVE_ERRORS,
          ErrorCodes.TOOL_QUOTA_EXCEEDED,
          ErrorCodes.DEADLINE_EXCEEDED,
          ErrorCodes.TOKEN_BUDGET_EXCEEDED);

  private EventParser() {}

  /**
   * Parses one JSON Lines line.
   *
   * @throws XctException if the line is not an event this library wrote
   */
  public static RunEvent parse(String line) {
    try {
      return fromJson(Json.STRICT_READER.readTree(line));
    } catch (JacksonException e) {
      throw new XctException("not a JSON event: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Converts one event object.
   *
   * @throws XctException if the object is not an event this library wrote
   */
  public static RunEvent fromJson(JsonNode in) {
    try {
      return convert(in);
    } catch (XctException e) {
      throw e;
    } catch (RuntimeException e) { // NOPMD: any malformed member is one kind of bad input
      throw new XctException("malformed event " + in + ": " + e, e);
    }
  }

  private static RunEvent convert(JsonNode in) {
    String type = text(in, "type");
    String runId = text(in, "run_id");
    int step = integer(in, "step");
    Instant at = instant(in, "at");
    switch (type) {
      case "run_started":
        return new RunEvent.RunStarted(runId, step, at, text(in, "task"));
      case "run_resumed":
        return new RunEvent.RunResumed(runId, step, at);
      case "model_replied":
        DecodeResult decoded =
            in.has("decision")
                ? new DecodeResult.Valid(WireDecoder.decision(in.get("decision")))
                : new DecodeResult.Invalid((Result.Failure) WireDecoder.result(in.get("error")));
        return new RunEvent.ModelReplied(
            runId, step, at, new ModelReply(text(in, "reply"), usage(in)), decoded, micros(in));
      case "verdict":
        return new RunEvent.VerdictIssued(runId, step, at, verdict(in.get("verdict")));
      case "tool_starting":
        ToolCall call =
            new ToolCall(text(in, "tool"), JsonValue.of(in.get("arguments")), text(in, "goal"));
        // Format 1 repeated the step's verdicts here; they are its verdict events already.
        return new RunEvent.ToolStarting(runId, step, at, call);
      case "tool_finished":
        return new RunEvent.ToolFinished(
            runId,
            step,
            at,
            text(in, "tool"),
            WireDecoder.result(in.get("response")),
            Duration.ofNanos(in.get("duration_us").asLong() * 1_000));
      case "step_completed":
        return new RunEvent.StepCompleted(runId, step, at, step(in, step));
      case "run_ended":
        return new RunEvent.RunEnded(
            runId,
            step,
            at,
            RunStatus.valueOf(text(in, "status")),
            Optional.ofNullable(in.get("code")).map(JsonNode::asString),
            text(in, "message"),
            Optional.ofNullable(in.get("failure")).map(EventParser::failure));
      case "approval_requested":
      case "approval_decided":
      case "approval_expired":
        return ApprovalJson.read(type, in, runId, step, at);
      default:
        throw new XctException("unknown event type '" + type + "'");
    }
  }

  private static Step step(JsonNode in, int number) {
    Step.Header header =
        new Step.Header(
            number, instant(in, "started_at"), text(in, "reply"), micros(in), usage(in));
    JsonNode decision = in.get("decision");
    JsonNode response = in.get("response");
    if (decision == null) {
      return new Step.Rejected(header, (Result.Failure) WireDecoder.result(response));
    }
    Decision decided = WireDecoder.decision(decision);
    if (decided instanceof Decision.Done done) {
      return new Step.Done(header, done);
    }
    Decision.Proposal proposal = (Decision.Proposal) decided;
    if (in.get("executed").asBoolean()) {
      return new Step.Executed(
          header,
          proposal,
          verdicts(in),
          WireDecoder.result(response),
          Duration.ofNanos(in.get("duration_us").asLong() * 1_000));
    }
    return new Step.Refused(
        header, proposal, verdicts(in), (Result.Failure) WireDecoder.result(response));
  }

  /** Returns the verdict record written by {@link EventJson#verdict(VerdictRecord)}. */
  static VerdictRecord verdict(JsonNode in) {
    String kind = text(in, "verdict");
    Verdict verdict;
    switch (kind) {
      case "allow":
        verdict = Verdict.allow();
        break;
      case "approved":
        verdict = new Verdict.Approved(new ActionDigest(text(in, "action")), text(in, "approver"));
        break;
      case "deny":
        JsonNode details = in.get("details");
        verdict =
            new Verdict.Deny(
                text(in, "code"),
                text(in, "reason"),
                details == null ? JsonValue.emptyObject() : JsonValue.of(details));
        break;
      case "stop":
        JsonNode limit = in.get("limit");
        boolean limitReached =
            limit == null ? LEGACY_LIMIT_CODES.contains(text(in, "code")) : limit.asBoolean();
        verdict = new Verdict.Stop(text(in, "code"), text(in, "reason"), limitReached);
        break;
      default:
        throw new XctException("unknown verdict '" + kind + "'");
    }
    return new VerdictRecord(text(in, "validator"), verdict);
  }

  /** Returns the model failure of a {@code run_ended} line; journals before it have none. */
  private static ModelFailure failure(JsonNode in) {
    JsonNode status = in.get("status");
    JsonNode wait = in.get("retry_after_us");
    if (status != null && !status.canConvertToInt()) {
      throw new XctException("expected an integer member 'status' in " + in);
    }
    if (wait != null && !wait.canConvertToLong()) {
      throw new XctException("expected an integer member 'retry_after_us' in " + in);
    }
    return new ModelFailure(
        text(in, "type"),
        text(in, "message"),
        status == null ? OptionalInt.empty() : OptionalInt.of(status.asInt()),
        Optional.ofNullable(wait).map(us -> Duration.of(us.asLong(), ChronoUnit.MICROS)),
        Optional.empty());
  }

  private static List<VerdictRecord> verdicts(JsonNode in) {
    JsonNode array = in.get("verdicts");
    List<VerdictRecord> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(verdict(v)));
    }
    return out;
  }

  /** Returns the usage of a line; lines without cached prompt tokens (older journals) have none. */
  private static TokenUsage usage(JsonNode in) {
    JsonNode cached = in.get("cached_prompt_tokens");
    return new TokenUsage(
        in.get("prompt_tokens").asLong(),
        in.get("completion_tokens").asLong(),
        cached == null ? 0 : cached.asLong());
  }

  private static Duration micros(JsonNode in) {
    return Duration.ofNanos(in.get("latency_us").asLong() * 1_000);
  }

  private static int integer(JsonNode in, String name) {
    JsonNode value = in.get(name);
    if (value == null || !value.canConvertToInt()) {
      throw new XctException("expected an integer member '" + name + "' in " + in);
    }
    return value.asInt();
  }

  private static Instant instant(JsonNode in, String name) {
    try {
      return Instant.parse(text(in, name));
    } catch (DateTimeParseException e) {
      throw new XctException("bad timestamp in member '" + name + "': " + e.getMessage(), e);
    }
  }
}
