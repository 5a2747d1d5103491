package dev.xct.policy.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and formats the durations of policy files. Stateless and thread-safe. */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("([1-9][0-9]{0,8})(ms|s|m|h)");

  /**
   * The longest duration a policy file accepts. The loop counts deadlines in nanoseconds, which
   * overflow past 292 years; a year is longer than any run or tool call means to take.
   */
  static final Duration MAX = Duration.ofDays(365);

  private Durations() {}

  /** Returns {@code duration} in the short form this class parses, such as {@code 10m}. */
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

  /**
   * Returns {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h} or ISO-8601 as a positive duration.
   */
  static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = SHORT.matcher(text);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return Optional.of(
          switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          });
    }
    try {
      Duration parsed = Duration.parse(text);
      return parsed.isNegative() || parsed.isZero() ? Optional.empty() : Optional.of(parsed);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
