package dev.xct.core.validate;

import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives a validator what it may consult besides the proposal: which run and step this is, the
 * registered tools, the run's statistics and the current time.
 *
 * @param runId the run's id
 * @param step the number of the step being validated, starting at 1
 * @param tools the loop's tool registry
 * @param stats the run so far
 * @param now the loop clock's current instant
 */
public record ValidationContext(
    String runId, int step, ToolRegistry tools, RunStats stats, Instant now) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ValidationContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(now, "now");
  }

  /** Returns the spec of {@code tool}, or empty if it is not registered. */
  public Optional<ToolSpec> spec(String tool) {
    return tools.spec(tool);
  }
}
