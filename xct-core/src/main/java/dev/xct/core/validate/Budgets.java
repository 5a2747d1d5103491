package dev.xct.core.validate;

import dev.xct.core.XctException;
import dev.xct.core.tool.ToolSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Limits a run so that no model, however confused or hostile, keeps it going forever: steps,
 * consecutive errors, wall-clock time, tokens and per-tool call quotas. Exceeding any of them ends
 * the run with status {@code LIMIT_REACHED} and a code naming the budget.
 *
 * <p>The loop checks steps, consecutive errors, tokens and the deadline before every model call (so
 * a model that only sends garbage is stopped too); per-tool quotas are checked by a validator in
 * the chain.
 *
 * @param maxSteps the most model replies one run may consume
 * @param maxConsecutiveErrors the most steps in a row that may end in an error
 * @param maxDuration the longest a run may take, by the loop's clock
 * @param toolQuotas the most executions per tool name in one run (absent: unlimited)
 * @param maxTokens the most tokens (prompt and completion, as providers report them) one run may
 *     use; the run ends before the next model call once it is reached
 */
public record Budgets(
    int maxSteps,
    int maxConsecutiveErrors,
    Duration maxDuration,
    Map<String, Integer> toolQuotas,
    long maxTokens) {
  private static final Budgets DEFAULTS = builder().build();

  /**
   * @throws XctException if a limit is not positive or a quota names an invalid tool
   */
  public Budgets {
    if (maxSteps <= 0) {
      throw new XctException("maxSteps must be positive, was: " + maxSteps);
    }
    if (maxConsecutiveErrors <= 0) {
      throw new XctException("maxConsecutiveErrors must be positive, was: " + maxConsecutiveErrors);
    }
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (maxDuration.isNegative() || maxDuration.isZero()) {
      throw new XctException("maxDuration must be positive, was: " + maxDuration);
    }
    toolQuotas.forEach(
        (tool, quota) -> {
          if (!ToolSpec.isValidName(tool) || quota == null || quota <= 0) {
            throw new XctException("quota for tool '" + tool + "' must be positive, was: " + quota);
          }
        });
    toolQuotas = Map.copyOf(toolQuotas);
    if (maxTokens <= 0) {
      throw new XctException("maxTokens must be positive, was: " + maxTokens);
    }
  }

  /** Creates budgets without a token limit. */
  public Budgets(
      int maxSteps,
      int maxConsecutiveErrors,
      Duration maxDuration,
      Map<String, Integer> toolQuotas) {
    this(maxSteps, maxConsecutiveErrors, maxDuration, toolQuotas, Long.MAX_VALUE);
  }

  /**
   * Returns the defaults: 50 steps, 5 consecutive errors, 10 minutes, no token limit, no quotas.
   */
  public static Budgets defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures {@link Budgets}. Not thread-safe. */
  public static final class Builder {
    private int maxSteps = 50;
    private int maxConsecutiveErrors = 5;
    private Duration maxDuration = Duration.ofMinutes(10);
    private final Map<String, Integer> toolQuotas = new LinkedHashMap<>();
    private long maxTokens = Long.MAX_VALUE;

    private Builder() {}

    /** Sets the most model replies one run may consume. */
    public Builder maxSteps(int maxSteps) {
      this.maxSteps = maxSteps;
      return this;
    }

    /** Sets the most steps in a row that may end in an error. */
    public Builder maxConsecutiveErrors(int maxConsecutiveErrors) {
      this.maxConsecutiveErrors = maxConsecutiveErrors;
      return this;
    }

    /** Sets the longest a run may take. */
    public Builder maxDuration(Duration maxDuration) {
      this.maxDuration = maxDuration;
      return this;
    }

    /** Sets the most tokens one run may use (default: unlimited). */
    public Builder maxTokens(long maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    /** Limits how often {@code tool} may be executed in one run. */
    public Builder toolQuota(String tool, int maxCalls) {
      toolQuotas.put(tool, maxCalls);
      return this;
    }

    /**
     * Returns the budgets.
     *
     * @throws XctException if a limit is invalid
     */
    public Budgets build() {
      return new Budgets(maxSteps, maxConsecutiveErrors, maxDuration, toolQuotas, maxTokens);
    }
  }
}
