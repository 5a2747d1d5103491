package dev.xct.core.internal.run;

import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one tool call at most once and turns every outcome into a {@link Result}: a returned result,
 * a throw ({@code TOOL_CRASHED}), a timeout ({@code TOOL_TIMEOUT}), cancellation, or an executor
 * that refused the call ({@code TOOL_REJECTED}, the tool did not run). Only JVM errors such as
 * {@link OutOfMemoryError} escape (see {@link Fatal}). Confined to the run's thread: one per run.
 * Public for the Temporal module's tool activity, which runs each call through it as a run does.
 */
public final class ToolInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

  private final ExecutorService executor;
  private final Handoff handoff;

  /** Runs tools on {@code executor}, or on the calling thread when it is {@code null}. */
  public ToolInvoker(ExecutorService executor) {
    this.executor = executor;
    this.handoff = executor == null ? null : new Handoff(executor);
  }

  /**
   * Runs {@code call}; {@code onStart} receives a handle the run can use to abandon it early (for
   * cancellation).
   */
  public Result invoke(Tool tool, ToolCall call, ToolContext context, Consumer<Future<?>> onStart) {
    if (executor == null) {
      return direct(tool, call, context);
    }
    Future<Result> future;
    try {
      future = handoff.submit(() -> direct(tool, call, context));
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "no thread was free to run tool '{}'; it was not run: {}", call.tool(), e.toString());
      return Result.failure(
          ErrorCodes.TOOL_REJECTED,
          "no thread was free to run tool '" + call.tool() + "' now; it did not run",
          Map.of("tool", call.tool()));
    }
    onStart.accept(future);
    Duration remaining = context.remaining();
    try {
      return handoff.await(future, Math.max(1, remaining.toNanos()));
    } catch (TimeoutException e) {
      context.cancellation().cancel();
      future.cancel(true);
      LOG.warn("tool '{}' ran past its deadline and was abandoned", call.tool());
      return Result.failure(
          ErrorCodes.TOOL_TIMEOUT,
          "tool '" + call.tool() + "' did not finish in time and was stopped",
          Map.of("tool", call.tool(), "timeout_ms", remaining.toMillis()));
    } catch (CancellationException e) {
      context.cancellation().cancel();
      return cancelled(call);
    } catch (InterruptedException e) {
      context.cancellation().cancel();
      future.cancel(true);
      Thread.currentThread().interrupt();
      return cancelled(call);
    } catch (ExecutionException e) {
      // direct() catches everything but JVM errors; only those arrive here.
      Throwable cause = e.getCause();
      Fatal.rethrowIfFatal(cause);
      return crashed(call, cause);
    }
  }

  private static Result direct(Tool tool, ToolCall call, ToolContext context) {
    try {
      Result result = tool.execute(call, context);
      if (result == null) {
        LOG.error("tool '{}' returned null instead of a result", call.tool());
        return Result.failure(
            ErrorCodes.TOOL_CRASHED, "tool '" + call.tool() + "' returned no result");
      }
      return result;
    } catch (Throwable e) { // NOPMD: any tool failure short of a JVM error is data
      Fatal.rethrowIfFatal(e);
      return crashed(call, e);
    }
  }

  private static Result crashed(ToolCall call, Throwable e) {
    LOG.error("tool '{}' crashed", call.tool(), e);
    return Result.failure(
        ErrorCodes.TOOL_CRASHED,
        "tool '" + call.tool() + "' failed unexpectedly; the error was logged for the operators",
        Map.of("tool", call.tool(), "exception", e.getClass().getSimpleName()));
  }

  private static Result cancelled(ToolCall call) {
    return Result.failure(
        ErrorCodes.CANCELLED, "the run was cancelled while tool '" + call.tool() + "' ran");
  }
}
