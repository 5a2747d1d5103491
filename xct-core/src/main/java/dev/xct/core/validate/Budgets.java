package dev.xct.core.validate;

import dev.xct.core.XctException;
import dev.xct.core.internal.validate.DurationLimit;
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
 * the chain. Built with {@link #builder()}, which checks every limit in one place. Immutable and
 * thread-safe.
 */
public final class Budgets {
  private static final Budgets DEFAULTS = builder().build();

  private final int maxSteps;
  private final int maxConsecutiveErrors;
  private final Duration maxDuration;
  private final Map<String, Integer> toolQuotas;
  private final long maxTokens;

  private Budgets(Builder builder) {
    this.maxSteps = positive("maxSteps", builder.maxSteps);
    this.maxConsecutiveErrors = positive("maxConsecutiveErrors", builder.maxConsecutiveErrors);
    this.maxDuration =
        DurationLimit.check(
            "maxDuration", Objects.requireNonNull(builder.maxDuration, "maxDuration"));
    builder.toolQuotas.forEach(
        (tool, quota) -> {
          if (!ToolSpec.isValidName(tool) || quota == null || quota <= 0) {
            throw new XctException("quota for tool '" + tool + "' must be positive, was: " + quota);
          }
        });
    this.toolQuotas = Map.copyOf(builder.toolQuotas);
    this.maxTokens = positive("maxTokens", builder.maxTokens);
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new XctException(name + " must be positive, was: " + value);
    }
    return value;
  }

  private static int positive(String name, int value) {
    return (int) positive(name, (long) value);
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

  /** Returns the most model replies one run may consume. */
  public int maxSteps() {
    return maxSteps;
  }

  /** Returns the most steps in a row that may end in an error. */
  public int maxConsecutiveErrors() {
    return maxConsecutiveErrors;
  }

  /** Returns the longest a run may take, by the loop's clock. */
  public Duration maxDuration() {
    return maxDuration;
  }

  /** Returns the most executions per tool name in one run (absent: unlimited); unmodifiable. */
  public Map<String, Integer> toolQuotas() {
    return toolQuotas;
  }

  /**
   * Returns the most tokens (prompt, cached prompt tokens included, and completion, as providers
   * report them) one run may use ({@link Long#MAX_VALUE}: unlimited); the run ends before the next
   * model call once it is reached.
   */
  public long maxTokens() {
    return maxTokens;
  }

  /** Returns a builder holding these budgets' values. */
  public Builder toBuilder() {
    Builder builder =
        new Builder()
            .maxSteps(maxSteps)
            .maxConsecutiveErrors(maxConsecutiveErrors)
            .maxDuration(maxDuration)
            .maxTokens(maxTokens);
    builder.toolQuotas.putAll(toolQuotas);
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Budgets that
        && maxSteps == that.maxSteps
        && maxConsecutiveErrors == that.maxConsecutiveErrors
        && maxDuration.equals(that.maxDuration)
        && toolQuotas.equals(that.toolQuotas)
        && maxTokens == that.maxTokens;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxSteps, maxConsecutiveErrors, maxDuration, toolQuotas, maxTokens);
  }

  @Override
  public String toString() {
    return "Budgets[maxSteps="
        + maxSteps
        + ", maxConsecutiveErrors="
        + maxConsecutiveErrors
        + ", maxDuration="
        + maxDuration
        + ", toolQuotas="
        + toolQuotas
        + ", maxTokens="
        + (maxTokens == Long.MAX_VALUE ? "unlimited" : maxTokens)
        + "]";
  }

  /** Configures {@link Budgets}. Not thread-safe; {@link #build()} copies its state. */
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

    /**
     * Sets the longest a run may take; it must be positive, and anything over 36,500 days (100
     * years) is taken as 36,500 days, in effect no limit.
     */
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
     * @throws XctException if a limit is not positive or a quota names an invalid tool
     */
    public Budgets build() {
      return new Budgets(this);
    }
  }
}
