package dev.xct.core.internal.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor for tools and model calls: the run's thread hands them over and only waits,
 * so that it can stop waiting when the call's time is up or the run is cancelled. Thread-safe.
 */
public final class ToolThreads {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final ExecutorService SHARED =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "xct-worker-" + COUNTER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private ToolThreads() {}

  /** Returns the process-wide pool of daemon threads that idle threads leave after 30 s. */
  public static ExecutorService shared() {
    return SHARED;
  }
}
