package dev.xct.temporal;

import dev.xct.core.Step;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.journal.Journal;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.PendingApproval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the {@link XctWorkflow#events()} query returns: the run's events, its steps, and an
 * export into a {@link Journal} (a {@code FileJournal} hash-chains them, for the same audit as an
 * in-process run); lists and answers the approval request a run waits on. Stateless and
 * thread-safe.
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
   * Returns the approval request {@code run} waits on, if it waits for one (a query: a worker of
   * the task queue must be up).
   */
  public static Optional<PendingApproval> pending(XctWorkflow run) {
    String line = run.pendingApproval();
    return line.isEmpty()
        ? Optional.empty()
        : Optional.of(((RunEvent.ApprovalRequested) EventParser.parse(line)).request());
  }

  /** Approves {@code request}'s action, and nothing else, on behalf of {@code by}. */
  public static void approve(XctWorkflow run, PendingApproval request, String by) {
    answer(run, request, ApprovalAnswer.approve(request.action(), by));
  }

  /** Denies {@code request}'s action; the model reads {@code reason}. */
  public static void deny(XctWorkflow run, PendingApproval request, String by, String reason) {
    answer(run, request, ApprovalAnswer.deny(request.action(), by, reason));
  }

  /**
   * Signals {@code answer} to {@code run}, which judges it as an in-process loop does (see {@link
   * XctWorkflow#answer}); returns once Temporal has the signal, before the run acts on it.
   */
  public static void answer(XctWorkflow run, PendingApproval request, ApprovalAnswer answer) {
    run.answer(
        JsonLinesEventWriter.line(
            new RunEvent.ApprovalDecided(
                request.runId(),
                request.step(),
                Instant.now(),
                answer.action(),
                answer.decidedBy(),
                answer.decision(),
                Optional.empty())));
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
