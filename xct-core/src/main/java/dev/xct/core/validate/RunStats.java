package dev.xct.core.validate;

import dev.xct.core.TokenUsage;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Summarises a run so far, for validators and budgets: how many steps it has taken, how many of the
 * latest failed in a row, how often each tool has been executed, and the tokens used so far. The
 * loop makes one before every step; tests of a validator make their own with {@link
 * #builder(Instant)}. Immutable and thread-safe.
 */
public final class RunStats {
  private final int stepsTaken;
  private final int consecutiveErrors;
  private final Map<String, Integer> toolExecutions;
  private final Instant startedAt;
  private final TokenUsage usage;

  private RunStats(Builder builder) {
    this.stepsTaken = builder.stepsTaken;
    this.consecutiveErrors = builder.consecutiveErrors;
    this.toolExecutions = Map.copyOf(builder.toolExecutions);
    this.startedAt = builder.startedAt;
    this.usage = builder.usage;
  }

  /**
   * Returns a builder for statistics of a run that started at {@code startedAt}, with no steps, no
   * errors, no executions and unknown token usage so far.
   */
  public static Builder builder(Instant startedAt) {
    return new Builder(startedAt);
  }

  /** Returns the steps completed before the current one. */
  public int stepsTaken() {
    return stepsTaken;
  }

  /** Returns how many of the latest steps in a row ended in an error. */
  public int consecutiveErrors() {
    return consecutiveErrors;
  }

  /** Returns how often each tool has been executed in this run; unmodifiable. */
  public Map<String, Integer> toolExecutions() {
    return toolExecutions;
  }

  /** Returns how often {@code tool} has been executed in this run. */
  public int executions(String tool) {
    return toolExecutions.getOrDefault(tool, 0);
  }

  /** Returns when the run started, by the loop's clock. */
  public Instant startedAt() {
    return startedAt;
  }

  /** Returns the tokens the model calls of this run used so far, as providers reported them. */
  public TokenUsage usage() {
    return usage;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RunStats that
        && stepsTaken == that.stepsTaken
        && consecutiveErrors == that.consecutiveErrors
        && toolExecutions.equals(that.toolExecutions)
        && startedAt.equals(that.startedAt)
        && usage.equals(that.usage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stepsTaken, consecutiveErrors, toolExecutions, startedAt, usage);
  }

  @Override
  public String toString() {
    return "RunStats[stepsTaken="
        + stepsTaken
        + ", consecutiveErrors="
        + consecutiveErrors
        + ", toolExecutions="
        + toolExecutions
        + ", startedAt="
        + startedAt
        + ", usage="
        + usage
        + "]";
  }

  /** Configures {@link RunStats}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final Instant startedAt;
    private int stepsTaken;
    private int consecutiveErrors;
    private Map<String, Integer> toolExecutions = Map.of();
    private TokenUsage usage = TokenUsage.unknown();

    private Builder(Instant startedAt) {
      this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Sets the steps completed before the current one. */
    public Builder stepsTaken(int stepsTaken) {
      this.stepsTaken = nonNegative("stepsTaken", stepsTaken);
      return this;
    }

    /** Sets how many of the latest steps in a row ended in an error. */
    public Builder consecutiveErrors(int consecutiveErrors) {
      this.consecutiveErrors = nonNegative("consecutiveErrors", consecutiveErrors);
      return this;
    }

    /** Sets how often each tool has been executed; {@link #build()} copies the map. */
    public Builder toolExecutions(Map<String, Integer> toolExecutions) {
      this.toolExecutions = Objects.requireNonNull(toolExecutions, "toolExecutions");
      return this;
    }

    /** Sets the tokens used so far (default: unknown). */
    public Builder usage(TokenUsage usage) {
      this.usage = Objects.requireNonNull(usage, "usage");
      return this;
    }

    /** Returns the statistics. */
    public RunStats build() {
      return new RunStats(this);
    }

    private static int nonNegative(String name, int value) {
      if (value < 0) {
        throw new IllegalArgumentException(name + " must not be negative, was: " + value);
      }
      return value;
    }
  }
}
