package dev.xct.core.event;

import dev.xct.core.Step;
import dev.xct.core.internal.event.StepFold;
import java.util.Optional;

/**
 * Follows one run's events, in order, and says which of them completes a step and what the step is:
 * the fold the loop itself uses, so a journal (which holds only the facts) and a listener (which is
 * also told {@link RunEvent.StepCompleted}) see the same steps. A {@link RunEvent.StepCompleted}
 * completes its step only if no fact did (a journal of format 1, where some steps exist only as
 * that record). For exporters and tools that read runs, such as tracing.
 *
 * <p>Not thread-safe: one tracker per run.
 */
public final class StepTracker {
  private final StepFold fold = new StepFold();
  private int lastCompleted;

  private StepTracker() {}

  /** Returns a tracker at the start of a run. */
  public static StepTracker create() {
    return new StepTracker();
  }

  /** Takes the run's next event; returns the step it completes, if it completes one. */
  public Optional<Step> accept(RunEvent event) {
    if (event instanceof RunEvent.StepCompleted completed) {
      if (completed.record().number() == lastCompleted) {
        return Optional.empty();
      }
      fold.reset();
      return completed(completed.record());
    }
    return fold.accept(event) ? completed(fold.completed()) : Optional.empty();
  }

  private Optional<Step> completed(Step step) {
    lastCompleted = step.number();
    return Optional.of(step);
  }
}
