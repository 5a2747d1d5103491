package dev.xct.core.internal.run;

import dev.xct.core.CancellationToken;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the model or tool call a run is waiting for, so that cancelling the run can abandon it: the
 * call's own cancellation token and, when it runs on a worker thread, its future. Thread-safe: the
 * run's thread opens and closes calls, a cancelling thread abandons them.
 */
final class InFlight {
  private final AtomicReference<CancellationToken> token = new AtomicReference<>();
  private final AtomicReference<Future<?>> future = new AtomicReference<>();
  private final CancellationToken run;

  /** Holds the calls of the run cancelled through {@code run}. */
  InFlight(CancellationToken run) {
    this.run = run;
  }

  /** Opens a call: returns its fresh token, already cancelled if the run is. */
  CancellationToken open() {
    CancellationToken call = CancellationToken.create();
    token.set(call);
    if (run.isCancelled()) {
      call.cancel();
    }
    return call;
  }

  /** Tracks the call's future; cancels it at once if the run was cancelled meanwhile. */
  void track(Future<?> call) {
    future.set(call);
    // Cancelled between open() and now: the run's callback may have found no future to cancel.
    if (run.isCancelled()) {
      call.cancel(true);
    }
  }

  /** Closes the call: it is no longer abandoned when the run is cancelled. */
  void close() {
    future.set(null);
    token.set(null);
  }

  /** Signals the call in flight, if any, and stops waiting for it. */
  void abandon() {
    CancellationToken call = token.get();
    if (call != null) {
      call.cancel();
    }
    Future<?> running = future.get();
    if (running != null) {
      running.cancel(true);
    }
  }
}
