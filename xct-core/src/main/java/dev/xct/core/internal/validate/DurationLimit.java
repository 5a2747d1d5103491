package dev.xct.core.internal.validate;

import dev.xct.core.XctException;
import java.time.Duration;

/**
 * The bound every duration configured on the core is held to, so that the deadlines, remaining
 * times and waits computed from it never overflow (a {@code long} of nanoseconds holds about 292
 * years): a longer one is taken as this bound. Stateless and thread-safe.
 */
public final class DurationLimit {
  /** The longest configurable duration: 36,500 days (100 years), in effect "no limit". */
  public static final Duration MAX = Duration.ofDays(36_500);

  private DurationLimit() {}

  /**
   * Returns {@code value}, or {@link #MAX} if it is longer: a longer duration means no limit, and
   * no deadline computed from it may overflow.
   *
   * @param what names the setting in the message, e.g. {@code "tool timeout"}
   * @throws XctException naming the setting and the value if it is null, zero or negative
   */
  public static Duration check(String what, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new XctException(what + " must be positive, was: " + value);
    }
    return value.compareTo(MAX) > 0 ? MAX : value;
  }
}
