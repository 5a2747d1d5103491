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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one tool call exactly once and turns every outcome into a {@link Result}: a returned result,
 * a throw ({@code TOOL_CRASHED}), a timeout ({@code TOOL_TIMEOUT}) or cancellation. Only JVM errors
 * such as {@link OutOfMemoryError} escape (see {@link Fatal}).
 */
final class ToolInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

  private final ExecutorService executor;

  /** Runs tools on {@code executor}, or on the calling thread when it is {@code null}. */
  ToolInvoker(ExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Runs {@code call}; {@code onStart} receives a handle the run can use to abandon it early (for
   * cancellation).
   */
  Result invoke(Tool tool, ToolCall call, ToolContext context, Consumer<Future<?>> onStart) {
    if (executor == null) {
      return direct(tool, call, context);
    }
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Future<Result> future =
        executor.submit(
            () -> {
              if (mdc != null) {
                MDC.setContextMap(mdc);
              }
              try {
                return direct(tool, call, context);
              } finally {
                MDC.clear();
              }
            });
    onStart.accept(future);
    Duration remaining = context.remaining();
    try {
      return future.get(Math.max(1, remaining.toNanos()), TimeUnit.NANOSECONDS);
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
