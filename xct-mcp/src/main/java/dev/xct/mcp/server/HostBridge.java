package dev.xct.mcp.server;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Result;
import dev.xct.mcp.McpErrorCodes;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the model: each {@link #next} waits for the host's next {@code tools/call} and
 * proposes exactly that call, so the loop validates, approves, executes and journals it as it would
 * a model's proposal. The following {@code next} finds the finished step in the transcript and
 * answers the waiting call with it. The host closing the session makes the run done.
 *
 * <p>Calls are served one at a time, in arrival order: the SDK may deliver {@code tools/call}s
 * concurrently, each waits in a queue until the run has decided all earlier ones. Thread-safe.
 */
final class HostBridge implements ModelClient {
  private static final Duration FOREVER = Duration.ofDays(365);

  private final BlockingQueue<HostCall> calls = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Object lock = new Object();
  private Result.Failure ended;
  private volatile HostCall current;
  private volatile int currentStep;

  /** Answers {@code request} once the run has decided it; called on the SDK's threads. */
  McpSchema.CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Map<String, Object> arguments =
        request.arguments() == null ? Map.of() : new LinkedHashMap<>(request.arguments());
    HostCall call =
        new HostCall(
            request.name(), JsonValue.from(arguments), exchange, new CompletableFuture<>());
    synchronized (lock) {
      if (ended != null) {
        return StepResults.failure(ended);
      }
      calls.add(call);
    }
    return call.answer().join();
  }

  /** Returns the call the run is deciding now, or null; the approver asks its host. */
  HostCall current() {
    return current;
  }

  /** Notes that the host's input ended: a waiting run becomes done. */
  void close() {
    calls.add(HostCall.END);
    closed.countDown();
  }

  /** Waits until the host's input has ended. */
  void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Answers the call in progress and every queued one now that the run has ended. */
  void finish(RunResult result) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", result.status().name());
    result.code().ifPresent(code -> details.put("code", code));
    Result.Failure failure =
        Result.failure(
            McpErrorCodes.MCP_RUN_ENDED,
            "the XCT run behind this MCP session has ended ("
                + result.status()
                + result.code().map(code -> " " + code).orElse("")
                + ": "
                + result.message()
                + "); no further tool calls are served",
            details);
    synchronized (lock) {
      ended = failure;
    }
    answerCurrent(result.steps(), failure);
    for (HostCall call : calls) {
      if (call.answer() != null) {
        call.answer().complete(StepResults.failure(failure));
      }
    }
  }

  @Override
  public ModelReply next(ModelRequest request) {
    answerCurrent(request.transcript(), null);
    HostCall call = take(request);
    if (call == HostCall.END) {
      return ModelReply.of("{\"done\":true,\"message\":\"the MCP host closed the session\"}");
    }
    currentStep = request.step();
    current = call;
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("tool", call.tool());
    step.put("arguments", call.arguments());
    step.put("goal", "called by the MCP host");
    return ModelReply.of(JsonValue.from(Map.of("next_step", step)).toJson());
  }

  @Override
  public boolean honoursCancellation() {
    return true;
  }

  private HostCall take(ModelRequest request) {
    var registration = request.cancellation().onCancel(() -> calls.add(HostCall.CANCELLED));
    try {
      Duration remaining = request.remaining();
      long millis = remaining.compareTo(FOREVER) > 0 ? FOREVER.toMillis() : remaining.toMillis();
      HostCall call = calls.poll(millis, TimeUnit.MILLISECONDS);
      if (call == null || call == HostCall.CANCELLED) {
        throw new XctException(
            call == null ? "the run's deadline passed waiting for a tools/call" : "cancelled");
      }
      return call;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XctException("interrupted waiting for a tools/call", e);
    } finally {
      registration.close();
    }
  }

  private void answerCurrent(List<Step> steps, Result.Failure otherwise) {
    HostCall call = current;
    if (call == null) {
      return;
    }
    current = null;
    Step decided = null;
    for (int i = steps.size() - 1; i >= 0 && decided == null; i--) {
      if (steps.get(i).number() == currentStep) {
        decided = steps.get(i);
      }
    }
    call.answer()
        .complete(
            decided != null
                ? StepResults.of(decided)
                : StepResults.failure(
                    otherwise != null
                        ? otherwise
                        : Result.failure(
                            McpErrorCodes.MCP_RUN_ENDED, "the run recorded no step for the call")));
  }
}
