package dev.xct.core;

import dev.xct.core.internal.collect.AppendOnlyList;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports how a run ended and everything that happened in it.
 *
 * @param runId the run's id
 * @param task the task the run was given
 * @param status how it ended
 * @param code the error code that ended it; empty when the model said done
 * @param message the model's final message when done, otherwise why the run ended
 * @param steps every step, in order
 * @param startedAt when the run started, by the loop's clock
 * @param endedAt when the run ended, by the loop's clock
 * @param usage tokens used over all model calls, with the prompt tokens the provider served from
 *     its prompt cache ({@link TokenUsage#cachedPromptTokens()}); a resumed run's includes the
 *     calls made before the resume
 * @param failure why the model client failed, when the run ended {@link RunStatus#MODEL_FAILED}:
 *     with the exception as its cause on a live run; without it on a result read back from a
 *     journal, and empty there if the journal was written before failures were recorded
 */
public record RunResult(
    String runId,
    String task,
    RunStatus status,
    Optional<String> code,
    String message,
    List<Step> steps,
    Instant startedAt,
    Instant endedAt,
    TokenUsage usage,
    Optional<ModelFailure> failure) {
  /**
   * @throws NullPointerException if a component is null
   * @throws XctException if a failure is given for a run that did not end {@code MODEL_FAILED}
   */
  public RunResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    steps = AppendOnlyList.isSnapshot(steps) ? steps : List.copyOf(steps);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(failure, "failure");
    if (failure.isPresent() && status != RunStatus.MODEL_FAILED) {
      throw new XctException("only a MODEL_FAILED run has a model failure, not " + status);
    }
  }

  /** Returns whether the model declared the task done. */
  public boolean isDone() {
    return status == RunStatus.DONE;
  }

  /** Returns how many tool executions the run performed. */
  public long executions() {
    return steps.stream().filter(Step::executed).count();
  }
}
