package dev.xct.core.internal.event;

import dev.xct.core.ModelFailure;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.codec.WireEncoder;
import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.json.JsonText;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps run events to their JSON Lines form. Every line is self-contained and lossless except that
 * durations are kept in whole microseconds: {@link EventParser} reads it back into the same event.
 * Stateless and thread-safe.
 */
public final class EventJson {
  /**
   * The journal format this code writes, in each {@code run_started} line. Format 2 records each
   * fact once: no {@code step_completed} records (steps are derived from the facts) and no verdicts
   * repeated in {@code tool_starting}. Format 1 (no {@code format} member) is still read.
   */
  public static final int JOURNAL_FORMAT = 2;

  private EventJson() {}

  /** Returns the compact JSON of {@code event}, lone surrogates escaped ({@link JsonText}). */
  public static String line(RunEvent event) {
    return JsonText.escapeLoneSurrogates(Json.MAPPER.writeValueAsString(toJson(event)));
  }

  /**
   * Returns the line the durable journal records for {@code event}: {@link #line}, with the journal
   * format in a {@code run_started} line.
   */
  public static String journalLine(RunEvent event) {
    ObjectNode out = toJson(event);
    if (event instanceof RunEvent.RunStarted) {
      out.put("format", JOURNAL_FORMAT);
    }
    return JsonText.escapeLoneSurrogates(Json.MAPPER.writeValueAsString(out));
  }

  /** Returns the JSON object of {@code event}. */
  public static ObjectNode toJson(RunEvent event) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("type", type(event));
    out.put("run_id", event.runId());
    out.put("step", event.step());
    out.put("at", event.at().toString());
    if (event instanceof RunEvent.RunStarted started) {
      out.put("task", started.task());
    } else if (event instanceof RunEvent.RunResumed) {
      // the step number (completed steps) is all there is
    } else if (event instanceof RunEvent.ModelReplied replied) {
      out.put("reply", replied.reply().text());
      out.put("latency_us", micros(replied.latency()));
      usage(out, replied.reply().usage());
      if (replied.decoded() instanceof DecodeResult.Valid valid) {
        out.set("decision", Json.node(WireEncoder.toWire(valid.decision())));
      } else if (replied.decoded() instanceof DecodeResult.Invalid invalid) {
        out.set("error", Json.node(WireEncoder.toWire(invalid.failure())));
      }
    } else if (event instanceof RunEvent.VerdictIssued issued) {
      out.set("verdict", verdict(issued.verdict()));
    } else if (event instanceof RunEvent.ToolStarting starting) {
      out.put("tool", starting.call().tool());
      out.set("arguments", Json.node(starting.call().arguments()));
      out.put("goal", starting.call().goal());
    } else if (event instanceof RunEvent.ToolFinished finished) {
      out.put("tool", finished.tool());
      out.set("response", Json.node(WireEncoder.toWire(finished.result())));
      out.put("duration_us", micros(finished.duration()));
    } else if (event instanceof RunEvent.StepCompleted completed) {
      step(out, completed);
    } else if (event instanceof RunEvent.RunEnded ended) {
      out.put("status", ended.status().name());
      ended.code().ifPresent(code -> out.put("code", code));
      out.put("message", ended.message());
      ended.failure().ifPresent(failure -> out.set("failure", failure(failure)));
    } else {
      ApprovalJson.write(event, out);
    }
    return out;
  }

  /** Returns the JSON object of a model failure: all but its cause, which is not data. */
  private static ObjectNode failure(ModelFailure failure) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("type", failure.type());
    out.put("message", failure.message());
    failure.status().ifPresent(status -> out.put("status", status));
    failure
        .retryAfter()
        .ifPresent(wait -> out.put("retry_after_us", TimeUnit.MICROSECONDS.convert(wait)));
    return out;
  }

  /** Returns the JSON object of one recorded verdict. */
  public static ObjectNode verdict(VerdictRecord record) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("validator", record.validator());
    Verdict verdict = record.verdict();
    if (verdict instanceof Verdict.Allow) {
      out.put("verdict", "allow");
    } else if (verdict instanceof Verdict.Approved approved) {
      out.put("verdict", "approved");
      out.put("action", approved.action().hex());
      out.put("approver", approved.approver());
    } else if (verdict instanceof Verdict.Deny deny) {
      out.put("verdict", "deny");
      out.put("code", deny.code());
      out.put("reason", deny.reason());
      if (!deny.details().isEmptyObject()) {
        out.set("details", Json.node(deny.details()));
      }
    } else if (verdict instanceof Verdict.Stop stop) {
      out.put("verdict", "stop");
      out.put("code", stop.code());
      out.put("reason", stop.reason());
      out.put("limit", stop.limitReached());
    } else if (verdict instanceof Verdict.Deferred deferred) {
      // The loop journals a deferral as an approval_requested line, never as a verdict.
      out.put("verdict", "deferred");
      out.put("action", deferred.request().action().hex());
    }
    return out;
  }

  private static void step(ObjectNode out, RunEvent.StepCompleted completed) {
    Step step = completed.record();
    step.tool().ifPresent(tool -> out.put("tool", tool));
    out.put("executed", step.executed());
    out.put("outcome", outcome(completed));
    // The full record, so that a step can be rebuilt from this one line (resume, replay).
    out.put("started_at", step.startedAt().toString());
    out.put("reply", step.rawReply());
    step.decision().ifPresent(d -> out.set("decision", Json.node(WireEncoder.toWire(d))));
    ArrayNode verdicts = out.putArray("verdicts");
    step.verdicts().forEach(v -> verdicts.add(verdict(v)));
    step.result().ifPresent(r -> out.set("response", Json.node(WireEncoder.toWire(r))));
    out.put("latency_us", micros(step.modelLatency()));
    out.put("duration_us", micros(step.toolDuration()));
    usage(out, step.usage());
  }

  /**
   * Puts the token counts; cached prompt tokens only when there are any, so a run without them
   * writes the lines it wrote before they were counted (and absent reads back as zero).
   */
  private static void usage(ObjectNode out, TokenUsage usage) {
    out.put("prompt_tokens", usage.promptTokens());
    out.put("completion_tokens", usage.completionTokens());
    if (usage.cachedPromptTokens() > 0) {
      out.put("cached_prompt_tokens", usage.cachedPromptTokens());
    }
  }

  private static String outcome(RunEvent.StepCompleted completed) {
    return completed.record().result().map(r -> r.isSuccess() ? "success" : "error").orElse("done");
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1_000;
  }

  private static String type(RunEvent event) {
    if (event instanceof RunEvent.RunStarted) {
      return "run_started";
    } else if (event instanceof RunEvent.RunResumed) {
      return "run_resumed";
    } else if (event instanceof RunEvent.ModelReplied) {
      return "model_replied";
    } else if (event instanceof RunEvent.VerdictIssued) {
      return "verdict";
    } else if (event instanceof RunEvent.ToolStarting) {
      return "tool_starting";
    } else if (event instanceof RunEvent.ToolFinished) {
      return "tool_finished";
    } else if (event instanceof RunEvent.StepCompleted) {
      return "step_completed";
    } else if (event instanceof RunEvent.RunEnded) {
      return "run_ended";
    }
    return ApprovalJson.type(event);
  }
}
