package dev.xct.model.openai.internal;

import dev.xct.core.ModelRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds one model call's cancellation and deadline, taken from its {@link ModelRequest}: when the
 * request is cancelled (the run was cancelled or ran out of time) the HTTP exchange in flight is
 * aborted and a wait for a retry ends at once. Registers one callback on the request's token, which
 * is the call's own. Thread-safe.
 */
public final class CallControl {
  private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

  private final ModelRequest request;
  private final AtomicReference<Future<?>> inFlight = new AtomicReference<>();
  private final CountDownLatch cancelled = new CountDownLatch(1);

  /** Watches {@code request}'s token from now on. */
  public CallControl(ModelRequest request) {
    this.request = request;
    request.cancellation().onCancel(this::abort);
  }

  /** Returns whether the request was cancelled. */
  public boolean isCancelled() {
    return request.isCancelled();
  }

  /** Returns the time left until the run's deadline, never negative. */
  public Duration remaining() {
    return request.remaining();
  }

  /** Makes {@code exchange} the one to abort; aborts it at once if the call was cancelled. */
  void track(Future<?> exchange) {
    inFlight.set(exchange);
    if (request.isCancelled()) {
      exchange.cancel(true);
    }
  }

  /** Waits {@code wait}; returns false if the call was cancelled first. */
  boolean sleep(Duration wait) throws InterruptedException {
    return !cancelled.await(nanos(wait), TimeUnit.NANOSECONDS);
  }

  /** Returns {@code wait} in nanoseconds, saturated: a wait of centuries means no bound. */
  static long nanos(Duration wait) {
    return wait.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : wait.toNanos();
  }

  private void abort() {
    cancelled.countDown();
    Future<?> exchange = inFlight.get();
    if (exchange != null) {
      exchange.cancel(true);
    }
  }
}
