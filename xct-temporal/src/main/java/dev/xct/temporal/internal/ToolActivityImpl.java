package dev.xct.temporal.internal;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.run.ToolInvoker;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call through core's {@link ToolInvoker}, so that a throw, a timeout or a refused
 * thread become the same failures as in-process, and returns the outcome as a journal line. An
 * outcome whose line is longer than the configured cap is replaced by a {@code RESULT_TOO_LARGE}
 * failure, so no tool can push workflow history past Temporal's payload limits. If the worker is
 * shutting down while the tool runs, nothing is reported: Temporal then times the activity out, and
 * the workflow reports the outcome as unknown rather than as a cancellation that did not happen.
 * Also reads a tool's preview or fingerprint for an approval, under the same cap. Thread-safe if
 * the tools are.
 */
public final class ToolActivityImpl implements ToolActivity {
  /** The code of a result too large to keep in workflow history. */
  public static final String RESULT_TOO_LARGE = "RESULT_TOO_LARGE";

  private static final Logger LOG = LoggerFactory.getLogger(ToolActivityImpl.class);

  private final RunSettings settings;

  /** Runs the tools of {@code settings} on its executor. */
  public ToolActivityImpl(RunSettings settings) {
    this.settings = settings;
  }

  @Override
  public String execute(ToolAsk ask) {
    Tool tool = tool(ask);
    ToolCall call = call(ask);
    Clock clock = Clock.systemUTC();
    Instant start = clock.instant();
    Instant end = start.plus(tool.spec().timeout().orElse(settings.toolTimeout()));
    Instant runEnd = Instant.ofEpochMilli(ask.deadline());
    ToolContext context =
        new ToolContext(
            ask.runId(),
            ask.step(),
            end.isBefore(runEnd) ? end : runEnd,
            CancellationToken.create(),
            clock);
    Result result = new ToolInvoker(settings.toolExecutor()).invoke(tool, call, context, f -> {});
    if (Thread.currentThread().isInterrupted()) {
      LOG.warn("worker stopping while tool '{}' ran; its outcome is not reported", ask.tool());
      Activity.getExecutionContext().doNotCompleteOnReturn();
      return null;
    }
    Duration took = Duration.between(start, clock.instant());
    String line = line(ask, result, took);
    int bytes = line.getBytes(StandardCharsets.UTF_8).length;
    if (bytes <= settings.maxResultBytes()) {
      return line;
    }
    LOG.warn("tool '{}' returned {} bytes; over the cap, it is not kept", ask.tool(), bytes);
    return line(
        ask,
        Result.failure(
            RESULT_TOO_LARGE,
            "tool '"
                + ask.tool()
                + "' ran, but its outcome ("
                + bytes
                + " bytes) is over the "
                + settings.maxResultBytes()
                + "-byte limit of a durable run and is not shown; ask for less",
            Map.of(
                "tool",
                ask.tool(),
                "bytes",
                bytes,
                "limit",
                settings.maxResultBytes(),
                "ok",
                !(result instanceof Result.Failure))),
        took);
  }

  @Override
  public ToolLook look(ToolAsk ask, boolean fingerprint) {
    Tool tool = tool(ask);
    ToolContext context =
        new ToolContext(
            ask.runId(),
            ask.step(),
            Instant.ofEpochMilli(ask.deadline()),
            CancellationToken.create(),
            Clock.systemUTC());
    try {
      Optional<?> look =
          fingerprint
              ? tool.fingerprint(call(ask), context)
              : tool.preview(call(ask), context).map(JsonValue::toJson);
      if (look == null) {
        return new ToolLook(null, "tool '" + ask.tool() + "' returned null");
      }
      String value = look.map(String::valueOf).orElse(null);
      int bytes = value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > settings.maxResultBytes()) {
        return new ToolLook(null, bytes + " bytes, over the " + settings.maxResultBytes() + " cap");
      }
      return new ToolLook(value, null);
    } catch (RuntimeException e) {
      return new ToolLook(null, e.toString());
    }
  }

  private Tool tool(ToolAsk ask) {
    return settings
        .tools()
        .find(ask.tool())
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "this worker has no tool '" + ask.tool() + "'", "XctUnknownTool"));
  }

  private static ToolCall call(ToolAsk ask) {
    return new ToolCall(ask.tool(), JsonValue.parse(ask.arguments()), ask.goal());
  }

  private static String line(ToolAsk ask, Result result, Duration took) {
    return JsonLinesEventWriter.line(
        new RunEvent.ToolFinished(
            ask.runId(), ask.step(), Instant.now(), ask.tool(), result, took));
  }
}
