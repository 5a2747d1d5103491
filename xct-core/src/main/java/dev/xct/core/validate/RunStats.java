package dev.xct.core.validate;

import dev.xct.core.TokenUsage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Summarises a run so far, for validators and budgets: how many steps it has taken, how many of the
 * latest failed in a row, how often each tool has been executed, and the tokens used so far.
 *
 * @param stepsTaken steps completed before the current one
 * @param consecutiveErrors how many of the latest steps in a row ended in an error
 * @param toolExecutions how often each tool has been executed in this run
 * @param startedAt when the run started, by the loop's clock
 * @param usage tokens the model calls of this run used so far, as providers reported them
 */
public record RunStats(
    int stepsTaken,
    int consecutiveErrors,
    Map<String, Integer> toolExecutions,
    Instant startedAt,
    TokenUsage usage) {
  /**
   * @throws NullPointerException if a component is null
   */
  public RunStats {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(usage, "usage");
    toolExecutions = Map.copyOf(toolExecutions);
  }

  /** Creates statistics for a run whose token usage is unknown. */
  public RunStats(
      int stepsTaken,
      int consecutiveErrors,
      Map<String, Integer> toolExecutions,
      Instant startedAt) {
    this(stepsTaken, consecutiveErrors, toolExecutions, startedAt, TokenUsage.unknown());
  }

  /** Returns how often {@code tool} has been executed in this run. */
  public int executions(String tool) {
    return toolExecutions.getOrDefault(tool, 0);
  }
}
