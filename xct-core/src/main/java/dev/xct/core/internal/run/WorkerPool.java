package dev.xct.core.internal.run;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs calls handed over by runs on platform threads, on at most {@code max} daemon threads of its
 * own, and refuses a call ({@link RejectedExecutionException}) when all of them are busy: it never
 * queues, so a call either starts at once or its caller knows it did not. A thread that finishes a
 * call waits for the next one, most recently idle first; one that gets none for the keep-alive time
 * ends.
 *
 * <p>Handing a call to a thread that sleeps costs a wake-up, which on a busy virtual machine takes
 * tens of microseconds, many times what a fast tool itself costs. So a thread that has just
 * finished a call first watches for the next one for {@code spinNanos}, about what a wake-up costs,
 * before it sleeps, while watching pays ({@link Watch}): a run that calls fast tools one after
 * another then hands each to a thread that is already running. At most {@code spinners} threads
 * watch at once, so idle threads never crowd out the ones working.
 *
 * <p>Thread-safe. Lives as long as the process: it cannot be shut down.
 */
final class WorkerPool extends SharedExecutor {
  private static final Object RETIRED = new Object();

  private final String name;
  private final int max;
  private final long keepAliveNanos;
  private final long spinNanos;
  private final int spinners;
  private final AtomicInteger threads = new AtomicInteger();
  private final AtomicInteger spinning = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
  // The thread that became idle last, kept apart from the others: handing a call to it, the usual
  // case, then touches one reference instead of the deque.
  private final AtomicReference<Worker> latest = new AtomicReference<>();

  /**
   * Creates a pool of at most {@code max} threads named {@code name}-1, -2, …, each ending after
   * {@code keepAlive} without a call, of which at most {@code spinners} watch for the next call for
   * {@code spinNanos} before they sleep.
   */
  WorkerPool(String name, int max, long keepAlive, TimeUnit unit, long spinNanos, int spinners) {
    super(name);
    if (max < 1 || spinners < 0 || spinNanos < 0 || keepAlive <= 0) {
      throw new IllegalArgumentException("bad worker pool settings");
    }
    this.name = name;
    this.max = max;
    this.keepAliveNanos = unit.toNanos(keepAlive);
    this.spinNanos = spinNanos;
    this.spinners = spinners;
  }

  /**
   * Starts {@code task} on an idle thread, or on a new one if there are fewer than {@code max}.
   *
   * @throws RejectedExecutionException if every thread is busy
   */
  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    Worker last = latest.get() == null ? null : latest.getAndSet(null);
    if (last != null && last.hand(task)) {
      return;
    }
    for (Worker worker = idle.pollFirst(); worker != null; worker = idle.pollFirst()) {
      if (worker.hand(task)) {
        return;
      }
    }
    int n;
    do {
      n = threads.get();
      if (n >= max) {
        throw new RejectedExecutionException(
            "all " + max + " threads of " + name + " are busy; the call was not started");
      }
    } while (!threads.compareAndSet(n, n + 1));
    try {
      new Worker(task).start();
    } catch (Throwable e) { // NOPMD: the count must not keep a thread that never started
      threads.decrementAndGet();
      throw e;
    }
  }

  /** Returns how many threads the pool has now, busy or idle. */
  int threads() {
    return threads.get();
  }

  /** One thread; its slot holds nothing while it waits, then the call handed to it, or RETIRED. */
  private final class Worker extends Thread {
    private final AtomicReference<Object> slot = new AtomicReference<>();
    private final Watch watch = new Watch();
    private volatile boolean parked;

    Worker(Runnable first) {
      super(name + "-" + started.incrementAndGet());
      setDaemon(true);
      slot.set(first);
    }

    /** Hands {@code task} to this thread; false if it has ended or already has one. */
    boolean hand(Runnable task) {
      if (!slot.compareAndSet(null, task)) {
        return false;
      }
      if (parked) {
        LockSupport.unpark(this);
      }
      return true;
    }

    @Override
    public void run() {
      try {
        for (Runnable task = (Runnable) slot.get(); task != null; task = next()) {
          // A call abandoned at its deadline is interrupted, maybe after it returned.
          Thread.interrupted();
          task.run();
        }
      } finally {
        threads.decrementAndGet();
      }
    }

    /** Waits for the next call; null when none came within the keep-alive time. */
    private Runnable next() {
      Thread.interrupted();
      slot.set(null);
      long start = System.nanoTime();
      Worker before = latest.getAndSet(this);
      if (before != null) {
        idle.addFirst(before);
      }
      if (watch.due()) {
        boolean watching = spinning.incrementAndGet() <= spinners;
        while (watching && slot.get() == null && System.nanoTime() - start < spinNanos) {
          Thread.onSpinWait();
        }
        spinning.decrementAndGet();
        if (slot.get() != null) {
          watch.paid();
          return (Runnable) slot.get();
        }
        if (watching) {
          watch.wasted();
        }
      }
      while (true) {
        Object handed = slot.get();
        if (handed != null) {
          return (Runnable) handed;
        }
        long left = keepAliveNanos - (System.nanoTime() - start);
        if (left <= 0) {
          if (slot.compareAndSet(null, RETIRED)) {
            if (!latest.compareAndSet(this, null)) {
              idle.remove(this);
            }
            return null;
          }
          continue; // a call was handed over just now
        }
        parked = true;
        if (slot.get() == null) {
          LockSupport.parkNanos(this, left);
        }
        parked = false;
        Thread.interrupted();
      }
    }
  }
}
