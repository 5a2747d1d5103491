package dev.xct.core.tool;

import dev.xct.core.CancellationToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Tells a tool which run and step it serves, by when it must finish, and whether it should stop.
 *
 * <p>Immutable and thread-safe; the cancellation token it holds is itself thread-safe.
 *
 * @param runId the run's id, stable for the whole run
 * @param step the step number, starting at 1
 * @param deadline the instant by which the tool must return; it is abandoned after it
 * @param cancellation set when the run is cancelled or the tool's time is up
 * @param clock the loop's clock, for deterministic timings
 */
public record ToolContext(
    String runId, int step, Instant deadline, CancellationToken cancellation, Clock clock) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ToolContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(clock, "clock");
  }

  /** Returns the time left until the deadline, never negative. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Returns whether the tool should stop as soon as it safely can. */
  public boolean isCancelled() {
    return cancellation.isCancelled();
  }
}
