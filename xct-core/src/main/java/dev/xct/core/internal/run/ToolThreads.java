package dev.xct.core.internal.run;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The default executor for tools and model calls: the run's thread hands them over and only waits,
 * so that it can stop waiting when the call's time is up or the run is cancelled. Where a call runs
 * depends on the thread of the run that hands it over:
 *
 * <ul>
 *   <li>A run on a <b>virtual thread</b> (JDK 21 and later) starts each call on a new virtual
 *       thread: while the run waits, its carrier runs the call, with no operating-system thread
 *       woken or held, so 10,000 runs waiting on their tools hold no platform threads.
 *   <li>A run on a <b>platform thread</b> hands the call to a shared pool of at most {@value
 *       #MAX_THREADS} daemon platform threads ({@link WorkerPool}), which keeps a thread that has
 *       just finished a call running for a moment in case the next call comes at once. When every
 *       one of them is busy, JDK 21 and later start the call on a virtual thread instead; JDK 17
 *       has none, so the call is refused ({@link RejectedExecutionException}): a tool call then
 *       fails with {@code TOOL_REJECTED} without running, and a model call is made on the run's own
 *       thread. Nothing ever queues behind busy threads, and no more than {@value #MAX_THREADS}
 *       platform threads are ever started for calls.
 * </ul>
 *
 * <p>Thread-safe. Lives as long as the process: it cannot be shut down.
 */
public final class ToolThreads extends SharedExecutor {
  /** The most platform threads the shared pool starts. */
  public static final int MAX_THREADS = 256;

  /** How long a pooled thread that has just finished a call watches for the next one. */
  static final long SPIN_NANOS = 50_000;

  private static final ToolThreads SHARED =
      new ToolThreads(
          new WorkerPool(
              "xct-worker",
              MAX_THREADS,
              30,
              TimeUnit.SECONDS,
              SPIN_NANOS,
              Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
          VirtualThreads.available());

  private final WorkerPool pool;
  private final boolean virtual;

  /** Hands calls to {@code pool}, or to virtual threads where {@code virtual} says there are. */
  ToolThreads(WorkerPool pool, boolean virtual) {
    super("xct-tools");
    this.pool = pool;
    this.virtual = virtual;
  }

  /** Returns the process-wide executor. */
  public static ExecutorService shared() {
    return SHARED;
  }

  /**
   * Starts {@code task} on a virtual thread if the caller is one, else on the pool, else (JDK 21
   * and later) on a virtual thread.
   *
   * @throws RejectedExecutionException on JDK 17 when every pooled thread is busy
   */
  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (virtual && VirtualThreads.current()) {
      VirtualThreads.start(task);
      return;
    }
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      if (!virtual) {
        throw e;
      }
      VirtualThreads.start(task);
    }
  }
}
