package dev.xct.temporal;

import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.journal.Journal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the {@link XctWorkflow#events()} query returns: the run's events, its steps, and an
 * export into a {@link Journal} (a {@code FileJournal} hash-chains them, for the same audit as an
 * in-process run). Stateless and thread-safe.
 */
public final class TemporalRuns {
  private TemporalRuns() {}

  /**
   * Parses journal lines into events.
   *
   * @throws dev.xct.core.XctException if a line is not an event
   */
  public static List<RunEvent> events(List<String> lines) {
    List<RunEvent> events = new ArrayList<>(lines.size());
    for (String line : lines) {
      events.add(EventParser.parse(line));
    }
    return events;
  }

  /** Returns the run's completed steps, in order. */
  public static List<Step> steps(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    for (RunEvent event : events(lines)) {
      if (event instanceof RunEvent.StepCompleted completed) {
        steps.add(completed.record());
      }
    }
    return steps;
  }

  /**
   * Appends the run's facts to {@code journal}, as the in-process loop journals them (the derived
   * {@code step_completed} events, which listeners get but the journal does not, are left out).
   */
  public static void export(List<String> lines, Journal journal) {
    for (RunEvent event : events(lines)) {
      if (!(event instanceof RunEvent.StepCompleted)) {
        journal.append(event);
      }
    }
  }
}
