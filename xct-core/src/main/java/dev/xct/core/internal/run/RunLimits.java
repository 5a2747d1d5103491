package dev.xct.core.internal.run;

import dev.xct.core.TokenUsage;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.Budgets;
import java.time.Instant;
import java.util.Optional;

/** Decides, before each model call, whether a run must end: cancellation or a spent budget. */
final class RunLimits {
  private RunLimits() {}

  /** Returns the reason the run must end now; empty if it may ask the model again. */
  static Optional<Ending> reached(
      Budgets budgets,
      boolean cancelled,
      int steps,
      int consecutiveErrors,
      TokenUsage usage,
      Instant now,
      Instant deadline) {
    if (cancelled) {
      return Optional.of(Ending.CANCELLED);
    }
    if (steps >= budgets.maxSteps()) {
      return limit(
          ErrorCodes.MAX_STEPS_EXCEEDED,
          "the run used all " + budgets.maxSteps() + " steps without the model saying done");
    }
    if (consecutiveErrors >= budgets.maxConsecutiveErrors()) {
      return limit(
          ErrorCodes.MAX_CONSECUTIVE_ERRORS, "the last " + consecutiveErrors + " steps all failed");
    }
    if (usage.totalTokens() >= budgets.maxTokens()) {
      return limit(
          ErrorCodes.TOKEN_BUDGET_EXCEEDED,
          "the run used " + usage.totalTokens() + " tokens; its budget is " + budgets.maxTokens());
    }
    if (!now.isBefore(deadline)) {
      return limit(
          ErrorCodes.DEADLINE_EXCEEDED,
          "the run exceeded its time budget of " + budgets.maxDuration());
    }
    return Optional.empty();
  }

  private static Optional<Ending> limit(String code, String message) {
    return Optional.of(Ending.limit(code, message));
  }
}
