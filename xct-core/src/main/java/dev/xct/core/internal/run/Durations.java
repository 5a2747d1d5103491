package dev.xct.core.internal.run;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Measures the loop's durations the way they are journaled. Stateless. */
final class Durations {
  private Durations() {}

  /** Returns the time from {@code from} to {@code to} in whole microseconds, as journaled. */
  static Duration micros(Instant from, Instant to) {
    long seconds = to.getEpochSecond() - from.getEpochSecond();
    int nanos = to.getNano() - from.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    if (seconds < 0) {
      // A clock that went back: truncation then rounds toward zero, as Duration does it.
      return Duration.between(from, to).truncatedTo(ChronoUnit.MICROS);
    }
    // The usual case, without the overflow checks of Duration.between: a few times faster.
    return Duration.ofSeconds(seconds, nanos - nanos % 1_000);
  }
}
