package dev.xct.core.validate;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Summarises a run so far, for validators and budgets: how many steps it has taken, how many of the
 * latest failed in a row, and how often each tool has been executed.
 *
 * @param stepsTaken steps completed before the current one
 * @param consecutiveErrors how many of the latest steps in a row ended in an error
 * @param toolExecutions how often each tool has been executed in this run
 * @param startedAt when the run started, by the loop's clock
 */
public record RunStats(
    int stepsTaken, int consecutiveErrors, Map<String, Integer> toolExecutions, Instant startedAt) {
  /**
   * @throws NullPointerException if a component is null
   */
  public RunStats {
    Objects.requireNonNull(startedAt, "startedAt");
    toolExecutions = Map.copyOf(toolExecutions);
  }

  /** Returns how often {@code tool} has been executed in this run. */
  public int executions(String tool) {
    return toolExecutions.getOrDefault(tool, 0);
  }
}
