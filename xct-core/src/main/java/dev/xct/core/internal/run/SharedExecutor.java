package dev.xct.core.internal.run;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An executor that lives as long as the process because every loop in it shares it: shutting it
 * down is refused, and it never reports being shut down. Thread-safe.
 */
abstract class SharedExecutor extends AbstractExecutorService {
  private final String name;

  /** Creates an executor that refusals name {@code name}. */
  SharedExecutor(String name) {
    this.name = name;
  }

  /**
   * Refuses: the executor is shared.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public final void shutdown() {
    throw new UnsupportedOperationException(
        "executor " + name + " is shared by every loop and cannot be shut down");
  }

  /**
   * Refuses: the executor is shared.
   *
   * @throws UnsupportedOperationException always
   */
  @Override
  public final List<Runnable> shutdownNow() {
    throw new UnsupportedOperationException(
        "executor " + name + " is shared by every loop and cannot be shut down");
  }

  @Override
  public final boolean isShutdown() {
    return false;
  }

  @Override
  public final boolean isTerminated() {
    return false;
  }

  @Override
  public final boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
