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
 * #SPIN_NANOS} ns, about what a wake-up costs, and sleeps only if it has not finished by then,
 * while watching pays ({@link Watch}). At most half the processors' worth of run threads watch at
 * once. A virtual thread sleeps at once: waking it costs no more than switching to it. Confined to
 * the run's thread.
 */
final class Handoff {
  /** How long a run's platform thread watches a call before it sleeps. */
  static final long SPIN_NANOS = 20_000;

  private static final int MAX_SPINNING =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  private static final AtomicInteger SPINNING = new AtomicInteger();

  private final ExecutorService executor;
  private final Watch watch = new Watch();

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
    return executor.submit(
        () -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            return call.call();
          } finally {
            MDC.clear();
          }
        });
  }

  /**
   * Returns the result of {@code future}, waiting at most {@code nanos}; throws what {@link
   * Future#get(long, TimeUnit)} throws.
   */
  <T> T await(Future<T> future, long nanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    long start = System.nanoTime();
    if (!future.isDone() && watch.due() && !VirtualThreads.current()) {
      boolean watching = SPINNING.incrementAndGet() <= MAX_SPINNING;
      long window = Math.min(SPIN_NANOS, nanos);
      while (watching && !future.isDone() && System.nanoTime() - start < window) {
        Thread.onSpinWait();
      }
      SPINNING.decrementAndGet();
      if (future.isDone()) {
        watch.paid();
      } else if (watching) {
        watch.wasted();
      }
    }
    return future.isDone()
        ? future.get()
        : future.get(Math.max(1, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
  }
}
