package dev.xct.otel;

import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.event.StepTracker;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.Verdict;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exports a run's events as OpenTelemetry spans, with the timestamps the events carry: one {@code
 * xct.run} span per run and one {@code xct.step} child span per completed step. Verdicts, the
 * journaled intent, the tool's finish and resumptions become span events; failed steps and runs
 * that did not end {@code DONE} get an error status with their code. A step span carries the model
 * call's {@code gen_ai.usage.input_tokens} and {@code gen_ai.usage.output_tokens}, and {@code
 * gen_ai.usage.cache_read.input_tokens} when the provider served some from its prompt cache. Works
 * the same on events read back from a {@link dev.xct.core.journal.Journal} (so a journal shows up
 * in existing tracing) and live, through {@link #listener()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RunSpans {
  /** The run id. */
  public static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("xct.run_id");

  /** The step number. */
  public static final AttributeKey<Long> STEP = AttributeKey.longKey("xct.step");

  /** The proposed tool's name. */
  public static final AttributeKey<String> TOOL = AttributeKey.stringKey("xct.tool");

  /** Whether the step's tool ran. */
  public static final AttributeKey<Boolean> EXECUTED = AttributeKey.booleanKey("xct.executed");

  /** The error code of a failed step or of a run that did not end done. */
  public static final AttributeKey<String> CODE = AttributeKey.stringKey("xct.code");

  /** How the run ended. */
  public static final AttributeKey<String> STATUS = AttributeKey.stringKey("xct.status");

  private static final AttributeKey<String> VALIDATOR = AttributeKey.stringKey("xct.validator");
  private static final AttributeKey<String> VERDICT = AttributeKey.stringKey("xct.verdict");
  private static final AttributeKey<Boolean> ENDED = AttributeKey.booleanKey("xct.ended");
  private static final AttributeKey<Long> INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  private static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  // Part of the input tokens, as the GenAI semantic conventions count it; only when there are some.
  private static final AttributeKey<Long> CACHE_READ_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");

  private final Tracer tracer;

  private RunSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Returns an exporter that creates spans with {@code tracer}. */
  public static RunSpans of(Tracer tracer) {
    return new RunSpans(Objects.requireNonNull(tracer, "tracer"));
  }

  /** Returns an exporter using {@code openTelemetry}'s tracer named {@code dev.xct}. */
  public static RunSpans of(OpenTelemetry openTelemetry) {
    return of(openTelemetry.getTracer("dev.xct"));
  }

  /**
   * Creates the spans of one run from its events, in the order they happened, and returns the run
   * span's context. A run whose events stop before {@link RunEvent.RunEnded} (it is still running,
   * or crashed) gets a run span that ends at its last event, marked {@code xct.ended=false}.
   *
   * @throws XctException if the events do not begin with {@link RunEvent.RunStarted}
   */
  public SpanContext export(List<RunEvent> events) {
    if (events.isEmpty() || !(events.get(0) instanceof RunEvent.RunStarted started)) {
      throw new XctException("a run's events begin with run_started");
    }
    Span run =
        tracer
            .spanBuilder("xct.run")
            .setNoParent()
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(started.at())
            .setAttribute(RUN_ID, started.runId())
            .startSpan();
    Context parent = Context.root().with(run);
    List<RunEvent> stepEvents = new ArrayList<>();
    StepTracker steps = StepTracker.create();
    Instant last = started.at();
    RunEvent.RunEnded ended = null;
    for (RunEvent event : events) {
      last = event.at();
      if (event instanceof RunEvent.RunResumed) {
        run.addEvent("xct.resumed", Attributes.of(STEP, (long) event.step()), event.at());
      } else if (event instanceof RunEvent.ModelReplied) {
        stepEvents.clear(); // a reply begins a step (or a new attempt at one after a crash)
      } else if (event instanceof RunEvent.RunEnded end) {
        ended = end;
      }
      if (!(event instanceof RunEvent.StepCompleted)) {
        stepEvents.add(event);
      }
      Optional<Step> completed = steps.accept(event);
      if (completed.isPresent()) {
        stepSpan(parent, event.runId(), completed.get(), event.at(), stepEvents);
        stepEvents.clear();
      }
    }
    if (ended == null) {
      run.setAttribute(ENDED, false);
      run.end(last);
    } else {
      run.setAttribute(STATUS, ended.status().name());
      ended.code().ifPresent(code -> run.setAttribute(CODE, code));
      if (ended.status() != RunStatus.DONE && ended.status() != RunStatus.CANCELLED) {
        run.setStatus(StatusCode.ERROR, ended.code().orElse(ended.status().name()));
      }
      run.end(ended.at());
    }
    return run.getSpanContext();
  }

  /**
   * Returns a listener that collects each run's events and exports them when the run ends. Runs
   * that never end (the process dies) are exported from the journal instead. Thread-safe.
   */
  public RunListener listener() {
    Map<String, List<RunEvent>> open = new ConcurrentHashMap<>();
    return event -> {
      List<RunEvent> events =
          open.computeIfAbsent(
              event.runId(), id -> java.util.Collections.synchronizedList(new ArrayList<>()));
      events.add(event);
      if (event instanceof RunEvent.RunEnded) {
        open.remove(event.runId());
        export(List.copyOf(events));
      }
    };
  }

  private void stepSpan(
      Context parent, String runId, Step step, Instant completedAt, List<RunEvent> seen) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(RUN_ID, runId)
            .put(STEP, (long) step.number())
            .put(EXECUTED, step.executed())
            .put(INPUT_TOKENS, step.usage().promptTokens())
            .put(OUTPUT_TOKENS, step.usage().completionTokens());
    if (step.usage().cachedPromptTokens() > 0) {
      attributes.put(CACHE_READ_INPUT_TOKENS, step.usage().cachedPromptTokens());
    }
    step.tool().ifPresent(tool -> attributes.put(TOOL, tool));
    Span span =
        tracer
            .spanBuilder("xct.step")
            .setParent(parent)
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(step.startedAt())
            .setAllAttributes(attributes.build())
            .startSpan();
    for (RunEvent event : seen) {
      if (event instanceof RunEvent.VerdictIssued issued) {
        span.addEvent("xct.verdict", verdict(issued.verdict()), issued.at());
      } else if (event instanceof RunEvent.ToolStarting starting) {
        span.addEvent("xct.intent", Attributes.of(TOOL, starting.call().tool()), starting.at());
      } else if (event instanceof RunEvent.ToolFinished finished) {
        span.addEvent("xct.tool_finished", Attributes.of(TOOL, finished.tool()), finished.at());
      }
    }
    if (step.result().orElse(null) instanceof Result.Failure failure) {
      span.setAttribute(CODE, failure.code());
      span.setStatus(StatusCode.ERROR, failure.code());
    }
    span.end(completedAt);
  }

  private static Attributes verdict(VerdictRecord record) {
    Verdict verdict = record.verdict();
    AttributesBuilder attributes = Attributes.builder().put(VALIDATOR, record.validator());
    if (verdict instanceof Verdict.Deny deny) {
      attributes.put(VERDICT, "deny").put(CODE, deny.code());
    } else if (verdict instanceof Verdict.Stop stop) {
      attributes.put(VERDICT, "stop").put(CODE, stop.code());
    } else if (verdict instanceof Verdict.Approved) {
      attributes.put(VERDICT, "approved");
    } else {
      attributes.put(VERDICT, "allow");
    }
    return attributes.build();
  }
}
