package dev.xct.cli.internal.command;

import java.time.Duration;

/**
 * Prints durations as policy files write them ({@code 500ms}, {@code 30s}, {@code 10m}, {@code
 * 2h}), so that a summary reads like the file it summarises. Stateless and thread-safe.
 */
final class DurationText {
  private DurationText() {}

  /** Returns {@code duration} in the largest unit that divides it, such as {@code 10m}. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    } else if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    } else if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
