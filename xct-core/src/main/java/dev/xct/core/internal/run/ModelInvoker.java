package dev.xct.core.internal.run;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import java.time.Duration;
import java.time.Instant;
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
 * Asks the model client once and turns every outcome into an {@link Outcome}: a reply, a failure
 * (anything the client throws short of a JVM error, see {@link Fatal}, or a null reply), or the run
 * no longer waiting because it was cancelled or ran out of time. A client that {@linkplain
 * ModelClient#honoursCancellation() honours its request} is called on the run's thread, and stops
 * on its own. Any other is called on an executor, where the run's thread only waits, so it can stop
 * waiting at once; the abandoned call's token is cancelled and its thread interrupted, and whatever
 * it returns later is dropped. If the executor refuses the call, the client is called on the run's
 * thread after all. Confined to the run's thread: one per run.
 */
final class ModelInvoker {
  /** How a model call ended. */
  sealed interface Outcome {}

  /** The client returned a reply. */
  record Replied(ModelReply reply) implements Outcome {}

  /** The client threw, or returned no reply. */
  record Failed(Throwable failure) implements Outcome {}

  /** The run was cancelled, or its thread interrupted, while the client worked. */
  record Cancelled() implements Outcome {}

  /** The run's time was up before the client answered. */
  record TimedOut() implements Outcome {}

  private static final Logger LOG = LoggerFactory.getLogger(ModelInvoker.class);
  private static final Cancelled CANCELLED = new Cancelled();
  private static final TimedOut TIMED_OUT = new TimedOut();
  private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

  private final ExecutorService executor;
  private final Handoff handoff;

  /** Calls clients on {@code executor}, or on the calling thread when it is {@code null}. */
  ModelInvoker(ExecutorService executor) {
    this.executor = executor;
    this.handoff = executor == null ? null : new Handoff(executor);
  }

  /**
   * Asks {@code model} at {@code now}, waiting at most until the request's deadline; {@code
   * onStart} receives a handle the run can use to abandon the call early (for cancellation).
   */
  Outcome invoke(
      ModelClient model, ModelRequest request, Instant now, Consumer<Future<?>> onStart) {
    if (executor == null || model.honoursCancellation()) {
      return direct(model, request);
    }
    Future<Outcome> future;
    try {
      future = handoff.submit(() -> direct(model, request));
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "no thread was free for the model call; calling it on the run's thread: {}",
          e.toString());
      return direct(model, request);
    }
    onStart.accept(future);
    try {
      return handoff.await(future, Math.max(1, nanos(Duration.between(now, request.deadline()))));
    } catch (TimeoutException e) {
      abandon(request, future);
      return TIMED_OUT;
    } catch (CancellationException e) {
      request.cancellation().cancel();
      return CANCELLED;
    } catch (InterruptedException e) {
      abandon(request, future);
      Thread.currentThread().interrupt();
      return CANCELLED;
    } catch (ExecutionException e) {
      // direct() catches everything but JVM errors; only those arrive here.
      Fatal.rethrowIfFatal(e.getCause());
      return new Failed(e.getCause());
    }
  }

  private static Outcome direct(ModelClient model, ModelRequest request) {
    try {
      ModelReply reply = model.next(request);
      return reply == null
          ? new Failed(new IllegalStateException("model client returned null"))
          : new Replied(reply);
    } catch (Throwable e) { // NOPMD: any client failure short of a JVM error is data
      Fatal.rethrowIfFatal(e);
      return new Failed(e);
    }
  }

  /** Returns {@code wait} in nanoseconds, saturated: a budget of centuries means no bound. */
  private static long nanos(Duration wait) {
    return wait.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : wait.toNanos();
  }

  private static void abandon(ModelRequest request, Future<?> future) {
    request.cancellation().cancel();
    future.cancel(true);
  }
}
