package dev.xct.tools.shell.internal.run;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the blocking pipe work of commands (draining stdout and stderr, writing stdin) on daemon
 * threads that are reused across commands and end after a minute idle, so that the JVM can exit and
 * an idle application holds no thread. Unbounded: a task never waits for another to finish.
 * Thread-safe.
 */
final class IoThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "xct-shell-io-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  private IoThreads() {}

  /** Runs {@code task} on a pooled daemon thread. */
  static void run(Runnable task) {
    POOL.execute(task);
  }
}
