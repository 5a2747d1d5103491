package dev.xct.core.internal.run;

/**
 * Decides whether a thread that waits for another thread's work watches for it on its processor
 * before it goes to sleep: waking a sleeping thread costs tens of microseconds on a busy virtual
 * machine, many times what a fast tool costs, while watching costs the processor for as long as it
 * lasts. A watch that sees the work come pays; one that ends first was wasted, and then the next 1,
 * 2, 4, … up to {@value #MAX_SKIP} waits go straight to sleep before a watch is tried again. So a
 * thread whose calls are slow, or a machine with more runnable threads than processors (where the
 * thread watched for may be waiting for this very processor), wastes a watch only once in a while,
 * and one watch that pays brings watching back. Confined to one thread.
 */
final class Watch {
  /** The most waits skipped after watches that were wasted. */
  static final int MAX_SKIP = 64;

  private int skip;
  private int backoff;

  /** Returns whether this wait should watch; a wait that should not counts towards the next. */
  boolean due() {
    if (skip == 0) {
      return true;
    }
    skip--;
    return false;
  }

  /** Records that the watch saw the work come: the next wait watches too. */
  void paid() {
    backoff = 0;
  }

  /** Records that the watch ended before the work came: skip the next waits. */
  void wasted() {
    backoff = backoff == 0 ? 1 : Math.min(2 * backoff, MAX_SKIP);
    skip = backoff;
  }
}
