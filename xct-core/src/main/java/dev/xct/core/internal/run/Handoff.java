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
 * Hands a tool or model call to another thread with the run's logging context, and waits for it on
 * the run's thread. A platform thread that went to sleep to wait must be woken when the call ends,
 * which on a busy virtual machine takes tens of microseconds, many times what a fast tool costs; so
 * a platform thread first watches the call for up to {@value #SPIN_NANOS} ns, about what a wake-up
 * costs, and sleeps only if it has not finished by then. A call that takes longer wastes at most
 * that much processor time, and at most half the processors' worth of run threads watch at once. A
 * virtual thread sleeps at once: waking it costs no more than switching to it. Stateless and
 * thread-safe.
 */
final class Handoff {
  /** How long a run's platform thread watches a call before it sleeps. */
  static final long SPIN_NANOS = 20_000;

  private static final int MAX_SPINNING =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  private static final AtomicInteger SPINNING = new AtomicInteger();

  private Handoff() {}

  /**
   * Submits {@code call} to {@code executor}; it runs with the caller's MDC.
   *
   * @throws RejectedExecutionException if the executor refuses it
   */
  static <T> Future<T> submit(ExecutorService executor, Callable<T> call) {
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
   * Returns {@code future}'s result, waiting at most {@code nanos}; throws what {@link
   * Future#get(long, TimeUnit)} throws.
   */
  static <T> T await(Future<T> future, long nanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    long start = System.nanoTime();
    if (!future.isDone() && !VirtualThreads.current()) {
      long window = Math.min(SPIN_NANOS, nanos);
      if (SPINNING.incrementAndGet() <= MAX_SPINNING) {
        while (!future.isDone() && System.nanoTime() - start < window) {
          Thread.onSpinWait();
        }
      }
      SPINNING.decrementAndGet();
    }
    if (future.isDone()) {
      return future.get();
    }
    return future.get(Math.max(1, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
  }
}
