package dev.xct.core.internal.run;

/**
 * Pauses a thread that watches for another thread's work: for its first {@value #BUSY_NANOS} ns
 * with the processor's spin hint, then by yielding the processor at every turn, so that on a
 * machine with more runnable threads than processors the watched thread, which may be waiting for
 * this very processor, gets it. Stateless.
 */
final class Spin {
  /** How long a watching thread keeps its processor before it yields it at every turn. */
  static final long BUSY_NANOS = 2_000;

  private Spin() {}

  /** Pauses once, in a watch that began at {@code start} ({@link System#nanoTime()}). */
  static void pause(long start) {
    if (System.nanoTime() - start < BUSY_NANOS) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
  }
}
