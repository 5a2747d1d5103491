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
 * @param granted the approval a person gave this step's action after the run paused for it: an
 *     approval validator returns it instead of asking again when it is for the proposal's exact
 *     action; empty otherwise
 */
public record ValidationContext(
    String runId,
    int step,
    ToolRegistry tools,
    RunStats stats,
    Instant now,
    Optional<Verdict.Approved> granted) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ValidationContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(granted, "granted");
  }

  /**
   * Creates a context without a standing approval.
   *
   * @throws NullPointerException if a component is null
   */
  public ValidationContext(
      String runId, int step, ToolRegistry tools, RunStats stats, Instant now) {
    this(runId, step, tools, stats, now, Optional.empty());
  }

  /** Returns the spec of {@code tool}, or empty if it is not registered. */
  public Optional<ToolSpec> spec(String tool) {
    return tools.spec(tool);
  }
}
