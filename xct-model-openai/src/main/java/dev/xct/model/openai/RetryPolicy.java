package dev.xct.model.openai;

import dev.xct.core.XctException;
import dev.xct.model.support.ModelTransportException;
import java.time.Duration;
import java.util.Objects;

/**
 * Says whether and how {@link OpenAiModelClient} tries a request again. The default is {@link
 * #none()}: XCT never retries on its own, and a failed call ends the run.
 *
 * <p>With retries configured, only {@link ModelTransportException#isTransient() transient} failures
 * are retried: 429, 500, 502, 503, 504 and broken connections. The wait is the endpoint's {@code
 * Retry-After} when it sends one, otherwise {@code initialBackoff} doubled after every attempt; a
 * wait longer than {@code maxDelay}, or one that would end past the run's deadline ({@link
 * dev.xct.core.ModelRequest#deadline()}), is not waited for, and the failure is thrown at once; a
 * wait ends early, with kind {@code CANCELLED}, when the request is cancelled. Timeouts are never
 * retried. Retries happen inside one {@link dev.xct.core.ModelClient#next} call, so the loop sees
 * one model call (one step) either way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxRetries how many times a request may be sent again after the first attempt
 * @param initialBackoff the wait before the first retry when the endpoint does not say
 * @param maxDelay the longest wait the client accepts
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxDelay) {
  private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

  /**
   * @throws XctException if a value is negative
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxRetries < 0 || initialBackoff.isNegative() || maxDelay.isNegative()) {
      throw new XctException(
          "retry policy values must not be negative, was: "
              + maxRetries
              + ", "
              + initialBackoff
              + ", "
              + maxDelay);
    }
  }

  /** Returns the policy that never retries (the default). */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Returns a policy of {@code maxRetries} retries, starting at 500 ms and waiting at most 30 s.
   */
  public static RetryPolicy of(int maxRetries) {
    return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  /** Returns the wait before retry number {@code attempt} (1-based) when the endpoint gave none. */
  public Duration backoff(int attempt) {
    Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
  }
}
