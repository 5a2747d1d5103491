package dev.xct.core.internal.run;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Hands a run's tool or model calls, one at a time, to another thread with the run's logging
 * context, and waits for each on the run's thread. A platform thread that went to sleep to wait
 * must be woken when the call ends, which on a busy virtual machine takes tens of microseconds,
 * many times what a fast tool costs; so a platform thread first watches the call for up to {@value
 * #SPIN_NANOS} ns, about what a wake-up costs, and sleeps only if it has not finished by then
 * (after the first microseconds it gives up its processor at every turn of the watch, see {@link
 * Spin}). It watches only while that pays: if the last call took longer than that to come back (a
 * slow tool, or a machine so busy that the other thread waited for a processor), the next wait
 * sleeps at once. At most half the processors' worth of run threads watch at once. A virtual thread
 * sleeps at once: waking it costs no more than switching to it. Confined to the run's thread.
 */
final class Handoff {
  /** How long a run's platform thread watches a call before it sleeps. */
  static final long SPIN_NANOS = 20_000;

  private static final int MAX_SPINNING =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  private static final AtomicInteger SPINNING = new AtomicInteger();

  private final ExecutorService executor;
  private boolean spin = true;
  private long submitted;
  // Written by the call's thread just before the call completes its future.
  private volatile long finished;

  /** Hands calls to {@code executor}. */
  Handoff(ExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Submits {@code call}; it runs with the caller's MDC.
   *
   * @throws RejectedExecutionException if the executor refuses it
   */
  <T> Future<T> submit(Callable<T> call) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    submitted = System.nanoTime();
    finished = submitted - 1;
    return executor.submit(
        () -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            return call.call();
          } finally {
            MDC.clear();
            finished = System.nanoTime();
          }
        });
  }

  /**
   * Returns the result of {@code future}, the call last submitted, waiting at most {@code nanos};
   * throws what {@link Future#get(long, TimeUnit)} throws.
   */
  <T> T await(Future<T> future, long nanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    long start = System.nanoTime();
    if (spin && !future.isDone() && !VirtualThreads.current()) {
      long window = Math.min(SPIN_NANOS, nanos);
      if (SPINNING.incrementAndGet() <= MAX_SPINNING) {
        while (!future.isDone() && System.nanoTime() - start < window) {
          Spin.pause(start);
        }
      }
      SPINNING.decrementAndGet();
    }
    try {
      return future.isDone()
          ? future.get()
          : future.get(Math.max(1, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
    } finally {
      // Whether watching would have caught this call; a call that did not finish says no.
      spin = finished - submitted <= SPIN_NANOS;
    }
  }
}
