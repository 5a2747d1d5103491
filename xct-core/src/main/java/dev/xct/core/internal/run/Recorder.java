package dev.xct.core.internal.run;

import dev.xct.core.Step;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.internal.event.EventRedaction;
import dev.xct.core.internal.event.StepFold;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.Result;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a run's facts, each once, and the steps they complete. A fact is redacted, journaled and
 * delivered to listeners ({@link Publisher}); folded as it happened into the live transcript, which
 * the model and the validators see unmasked; and, once redaction changed one of a step's facts,
 * folded again as recorded, so that listeners are told of each completed step ({@link
 * RunEvent.StepCompleted}) as the journal holds it. A redactor that throws leaves the fact recorded
 * nowhere, since unredacted it could leak a secret, and counts as a journal failure. Confined to
 * the run's thread.
 */
final class Recorder {
  private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

  private final RunState state;
  private final Publisher publisher;
  private final EventRedaction redaction;
  private final StepFold live = new StepFold();
  private final StepFold recorded = new StepFold();
  // Whether redaction changed (or failed on) a fact of the pending step: its notice is then built
  // from the recorded facts; otherwise the live step is the recorded one.
  private boolean masked;
  private boolean unsafe;
  private boolean broken;

  Recorder(RunState state, Journal journal, Redactor redactor, List<RunListener> listeners) {
    this.state = state;
    this.publisher = new Publisher(journal, listeners);
    this.redaction = new EventRedaction(redactor);
  }

  /** Records {@code fact}; returns whether it was journaled (always true without a journal). */
  boolean record(RunEvent fact) {
    RunEvent shown = redact(fact);
    boolean journaled = shown != null && publisher.publish(shown);
    broken |= !journaled;
    if (shown != fact) {
      if (!masked) {
        // Until now the step's facts were recorded as they happened: the live fold holds them.
        recorded.follow(live);
      }
      masked = true;
      unsafe |= shown == null;
    }
    boolean completedAsRecorded = masked && shown != null && recorded.accept(shown);
    if (live.accept(fact)) {
      Step step = live.completed();
      Step notice = masked && completedAsRecorded ? recorded.completed() : step;
      complete(step, unsafe ? null : notice, fact.at());
    }
    return journaled;
  }

  /**
   * Completes the pending proposal as refused with {@code failure}, recorded by no fact (its intent
   * could not be journaled); listeners are told of it as for any step.
   */
  void refuse(Result.Failure failure, Instant at) {
    Step step = live.refuse(failure);
    Step notice = unsafe ? null : masked ? recorded.refuse(failure) : step;
    complete(step, notice, at);
  }

  /**
   * Restores the pending step of a resumed run from its journaled events (already redacted, as the
   * resumed run sees them), without recording anything.
   */
  void restorePending(List<RunEvent> journaled) {
    for (RunEvent event : journaled) {
      if (live.accept(event) | recorded.accept(event)) {
        throw new IllegalStateException("a pending step's events complete it: " + event);
      }
    }
  }

  /** Forgets a pending step a crash cut short: it is asked again. */
  void dropPending() {
    live.reset();
    recorded.reset();
    masked = false;
    unsafe = false;
  }

  /** Returns whether a fact could not be journaled: the run must stop. */
  boolean broken() {
    return broken;
  }

  /** Returns the live fold, whose pending step a resume settles. */
  StepFold pending() {
    return live;
  }

  private void complete(Step step, Step notice, Instant at) {
    state.add(step);
    if (notice != null) {
      publisher.notify(new RunEvent.StepCompleted(state.runId, step.number(), at, notice));
    }
    masked = false;
    unsafe = false;
  }

  private RunEvent redact(RunEvent fact) {
    try {
      return redaction.apply(fact);
    } catch (Throwable e) { // NOPMD: a redactor's failure short of a JVM error stops the run
      Fatal.rethrowIfFatal(e);
      LOG.error(
          "the redactor failed on {}; the event is not recorded",
          fact.getClass().getSimpleName(),
          e);
      return null;
    }
  }
}
