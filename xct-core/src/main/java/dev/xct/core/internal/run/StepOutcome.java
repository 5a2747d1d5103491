package dev.xct.core.internal.run;

/** Says what the loop does after a step: go on to the next one, or end the run. Immutable. */
sealed interface StepOutcome {
  /** The loop goes on. */
  StepOutcome NEXT = new Next();

  /** Returns the outcome that ends the run with {@code ending}. */
  static StepOutcome end(Ending ending) {
    return new End(ending);
  }

  /** The run goes on with its next step. */
  record Next() implements StepOutcome {}

  /** The run ends. */
  record End(Ending ending) implements StepOutcome {}
}
