package dev.xct.temporal;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import java.util.Objects;

/**
 * Says how a durable run ended: what {@link RunResult} says, without the steps (read them with the
 * {@link XctWorkflow#events()} query), so the workflow's result stays small. Immutable.
 *
 * @param code the code that ended the run; {@code null} when the model said done
 * @param steps how many steps the run took
 */
public record RunSummary(
    String runId,
    RunStatus status,
    String code,
    String message,
    int steps,
    long promptTokens,
    long completionTokens) {
  /**
   * @throws NullPointerException if the run id, status or message is null
   */
  public RunSummary {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  /** Returns the summary of {@code result}. */
  public static RunSummary of(RunResult result) {
    return new RunSummary(
        result.runId(),
        result.status(),
        result.code().orElse(null),
        result.message(),
        result.steps().size(),
        result.usage().promptTokens(),
        result.usage().completionTokens());
  }
}
