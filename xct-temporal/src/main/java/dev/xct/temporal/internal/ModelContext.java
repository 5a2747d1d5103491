package dev.xct.temporal.internal;

import java.util.List;

/**
 * What the model activity needs to rebuild a {@code ModelRequest}: the task and the transcript so
 * far, each step as a {@code step_completed} journal line. Immutable.
 */
public record ModelContext(String task, List<String> steps) {
  /** Copies the list. */
  public ModelContext {
    steps = List.copyOf(steps);
  }
}
