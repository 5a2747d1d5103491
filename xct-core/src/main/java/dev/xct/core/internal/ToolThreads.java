package dev.xct.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The default executor for tools. */
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
            Thread thread = new Thread(runnable, "xct-tool-" + COUNTER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private ToolThreads() {}

  /** Returns the process-wide pool of daemon threads that idle threads leave after 30 s. */
  public static ExecutorService shared() {
    return SHARED;
  }
}
