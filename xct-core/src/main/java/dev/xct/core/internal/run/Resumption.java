package dev.xct.core.internal.run;

import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.StepFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a run had reached from its journaled events, with the same fold the live loop uses:
 * task, start, completed steps, tokens, how it ended (if it did), and the events of the step the
 * interruption cut short. Journals of format 1 also hold each step's record ({@link
 * RunEvent.StepCompleted}); it stands for the step derived from the facts before it, and completes
 * a step no fact completes (an outcome found unknown by a resume). Immutable once read.
 */
final class Resumption {
  final String runId;
  final String task;
  final Instant startedAt;
  final List<Step> steps;
  final TokenUsage usage;
  final Optional<RunEvent.RunEnded> ended;

  /** The events after the last completed step: the interrupted step's, if any. */
  final List<RunEvent> pending;

  private Resumption(
      String runId,
      String task,
      Instant startedAt,
      List<Step> steps,
      TokenUsage usage,
      Optional<RunEvent.RunEnded> ended,
      List<RunEvent> pending) {
    this.runId = runId;
    this.task = task;
    this.startedAt = startedAt;
    this.steps = List.copyOf(steps);
    this.usage = usage;
    this.ended = ended;
    this.pending = List.copyOf(pending);
  }

  /**
   * Reads run {@code runId} from its events, in journal order.
   *
   * @throws XctException if the events do not begin with {@link RunEvent.RunStarted} of this run,
   *     or hold another run's event
   */
  static Resumption read(String runId, List<RunEvent> events) {
    if (events.isEmpty() || !(events.get(0) instanceof RunEvent.RunStarted started)) {
      throw new XctException("the journal of run '" + runId + "' does not begin with its start");
    }
    StepFold fold = new StepFold();
    List<Step> steps = new ArrayList<>();
    TokenUsage usage = TokenUsage.unknown();
    RunEvent.RunEnded ended = null;
    int pendingFrom = 1;
    for (int i = 0; i < events.size(); i++) {
      RunEvent event = events.get(i);
      if (!event.runId().equals(runId)) {
        throw new XctException("the journal mixed an event of run '" + event.runId() + "' in");
      }
      if (event instanceof RunEvent.ModelReplied replied) {
        usage = usage.plus(replied.reply().usage());
      } else if (event instanceof RunEvent.RunEnded end) {
        ended = end;
      }
      if (event instanceof RunEvent.StepCompleted completed) {
        Step record = completed.record();
        int last = steps.size() - 1;
        if (last >= 0 && steps.get(last).number() == record.number()) {
          steps.set(last, record);
        } else {
          steps.add(record);
        }
        fold.reset();
        pendingFrom = i + 1;
      } else if (fold.accept(event)) {
        steps.add(fold.completed());
        pendingFrom = i + 1;
      }
    }
    return new Resumption(
        runId,
        started.task(),
        started.at(),
        steps,
        usage,
        Optional.ofNullable(ended),
        events.subList(pendingFrom, events.size()));
  }

  /** Returns the result of a run that had ended. */
  RunResult result() {
    RunEvent.RunEnded end = ended.orElseThrow();
    return new RunResult(
        runId,
        task,
        end.status(),
        end.code(),
        end.message(),
        steps,
        startedAt,
        end.at(),
        usage,
        end.failure());
  }
}
