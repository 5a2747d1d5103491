package dev.xct.core.internal.run;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.StepFold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what a run had reached from its journaled events, with the same fold the live loop uses:
 * task, start, completed steps, tokens, how it ended (if it did), and the events of the step the
 * interruption cut short. Journals of format 1 also hold each step's record ({@link
 * RunEvent.StepCompleted}); it stands for the step derived from the facts before it, and completes
 * a step no fact completes (an outcome found unknown by a resume). A run that paused for a person
 * has ended only while nothing but refused answers follows its end; the time it waited does not
 * count on its budget. Immutable once read.
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

  /** The interrupted step's approval request and the accepted answer to it, if any. */
  final Optional<RunEvent.ApprovalRequested> request;

  final Optional<RunEvent.ApprovalDecided> answer;

  /** The time the run waited for people, up to its last resume. */
  final Duration paused;

  /** When the run began its current wait for a person, if it waits. */
  final Optional<Instant> awaitingSince;

  /** Whether the run's latest approval request was answered (and the answer accepted). */
  final boolean lastRequestAnswered;

  private Resumption(
      String runId,
      String task,
      Instant startedAt,
      List<Step> steps,
      TokenUsage usage,
      Optional<RunEvent.RunEnded> ended,
      List<RunEvent> pending,
      StepFold fold,
      Duration paused,
      Instant awaitingSince,
      boolean lastRequestAnswered) {
    this.runId = runId;
    this.task = task;
    this.startedAt = startedAt;
    this.steps = List.copyOf(steps);
    this.usage = usage;
    this.ended = ended;
    this.pending = List.copyOf(pending);
    this.request = fold.pendingRequest();
    this.answer = fold.pendingAnswer();
    this.paused = paused;
    this.awaitingSince = Optional.ofNullable(awaitingSince);
    this.lastRequestAnswered = lastRequestAnswered;
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
    Duration paused = Duration.ZERO;
    Instant awaitingSince = null;
    boolean answered = false;
    int pendingFrom = 1;
    for (int i = 0; i < events.size(); i++) {
      RunEvent event = events.get(i);
      if (!event.runId().equals(runId)) {
        throw new XctException("the journal mixed an event of run '" + event.runId() + "' in");
      }
      if (event instanceof RunEvent.ModelReplied replied) {
        usage = usage.plus(replied.reply().usage());
      }
      if (event instanceof RunEvent.ApprovalRequested) {
        answered = false;
      } else if (event instanceof RunEvent.ApprovalDecided decided && decided.accepted()) {
        answered = true;
      }
      if (event instanceof RunEvent.RunEnded end) {
        ended = end;
        awaitingSince = end.status() == RunStatus.AWAITING_APPROVAL ? end.at() : null;
      } else if (!(event instanceof RunEvent.ApprovalDecided decided && !decided.accepted())) {
        // Anything but a refused answer after an end means the run went on.
        ended = null;
        if (awaitingSince != null) {
          paused = paused.plus(Duration.between(awaitingSince, event.at()));
          awaitingSince = null;
        }
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
        events.subList(pendingFrom, events.size()),
        fold,
        paused,
        awaitingSince,
        answered);
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
