package dev.xct.core.internal.run;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Measures the loop's durations the way they are journaled. Stateless. */
final class Durations {
  private Durations() {}

  /** Returns the time from {@code from} to {@code to} in whole microseconds, as journaled. */
  static Duration micros(Instant from, Instant to) {
    return Duration.between(from, to).truncatedTo(ChronoUnit.MICROS);
  }
}
