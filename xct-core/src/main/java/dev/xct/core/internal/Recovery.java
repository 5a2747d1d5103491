package dev.xct.core.internal;

import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds what a run had reached from its journaled events: task, start, completed steps, tokens,
 * how it ended (if it did), and the step the crash interrupted. The transcript is the sequence of
 * {@link RunEvent.StepCompleted} records; an interrupted step is whatever followed the last of
 * them. An intent ({@link RunEvent.ToolStarting}) is never forgotten once seen. Immutable once
 * built.
 */
public final class Recovery {
  final String runId;
  final String task;
  final Instant startedAt;
  final List<Step> steps;
  final TokenUsage usage;
  final Optional<RunEvent.RunEnded> ended;

  /** The interrupted step's reply, if the model had replied. */
  final RunEvent.ModelReplied reply;

  /** The interrupted step's latest intent, if its tool had been started. */
  final RunEvent.ToolStarting intent;

  /** The outcome of {@link #intent}, if the tool had finished. */
  final RunEvent.ToolFinished outcome;

  private Recovery(
      String runId,
      String task,
      Instant startedAt,
      List<Step> steps,
      TokenUsage usage,
      Optional<RunEvent.RunEnded> ended,
      RunEvent.ModelReplied reply,
      RunEvent.ToolStarting intent,
      RunEvent.ToolFinished outcome) {
    this.runId = runId;
    this.task = task;
    this.startedAt = startedAt;
    this.steps = List.copyOf(steps);
    this.usage = usage;
    this.ended = ended;
    this.reply = reply;
    this.intent = intent;
    this.outcome = outcome;
  }

  /**
   * Rebuilds a run from its events, in journal order.
   *
   * @throws XctException if the events do not begin with {@link RunEvent.RunStarted} of this run
   */
  public static Recovery of(String runId, List<RunEvent> events) {
    if (events.isEmpty() || !(events.get(0) instanceof RunEvent.RunStarted started)) {
      throw new XctException("the journal of run '" + runId + "' does not begin with its start");
    }
    List<Step> steps = new ArrayList<>();
    TokenUsage usage = TokenUsage.unknown();
    RunEvent.RunEnded ended = null;
    RunEvent.ModelReplied reply = null;
    RunEvent.ToolStarting intent = null;
    RunEvent.ToolFinished outcome = null;
    for (RunEvent event : events) {
      if (!event.runId().equals(runId)) {
        throw new XctException("the journal mixed an event of run '" + event.runId() + "' in");
      }
      if (event instanceof RunEvent.ModelReplied replied) {
        usage = usage.plus(replied.reply().usage());
        reply = replied;
      } else if (event instanceof RunEvent.ToolStarting starting) {
        intent = starting;
        outcome = null;
      } else if (event instanceof RunEvent.ToolFinished finished) {
        outcome = finished;
      } else if (event instanceof RunEvent.StepCompleted completed) {
        steps.add(completed.record());
        reply = null;
        intent = null;
        outcome = null;
      } else if (event instanceof RunEvent.RunEnded end) {
        ended = end;
      }
    }
    return new Recovery(
        runId,
        started.task(),
        started.at(),
        steps,
        usage,
        Optional.ofNullable(ended),
        reply,
        intent,
        outcome);
  }

  /** Returns the result of a run that had ended. */
  public RunResult result() {
    RunEvent.RunEnded end = ended.orElseThrow();
    return new RunResult(
        runId, task, end.status(), end.code(), end.message(), steps, startedAt, end.at(), usage);
  }

  /** Returns whether the journal shows the run ended. */
  public boolean hasEnded() {
    return ended.isPresent();
  }
}
