package dev.xct.core.internal.run;

import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.journal.Journal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a run's recorded events on: appends each to the journal (if any), then delivers it to the
 * listeners. The journal comes first and is not an observer: if it fails, the event is not
 * delivered (listeners never see what the journal does not hold) and the caller learns it, so the
 * run can stop. The one exception is {@link RunEvent.RunEnded}, which listeners always receive so
 * that they see every run end. A listener that throws anything short of a JVM error (see {@link
 * Fatal}) is logged and ignored: were its failure to escape, an intent journaled a moment earlier
 * would be left without its tool call, and resume would report a call that never ran as {@code
 * OUTCOME_UNKNOWN}. A journal that throws such a failure has not recorded the event. Confined to
 * one run's thread.
 */
final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  private final Journal journal;
  private final List<RunListener> listeners;

  Publisher(Journal journal, List<RunListener> listeners) {
    this.journal = journal;
    this.listeners = listeners;
  }

  /**
   * Journals {@code recorded} (already redacted) and delivers it; returns whether it was journaled
   * (always true without a journal).
   */
  boolean publish(RunEvent recorded) {
    boolean journaled = true;
    if (journal != null) {
      try {
        journal.append(recorded);
      } catch (Throwable e) { // NOPMD: a journal's failure short of a JVM error stops the run
        Fatal.rethrowIfFatal(e);
        LOG.error("the journal failed to record {}", recorded.getClass().getSimpleName(), e);
        journaled = false;
      }
    }
    if (journaled || recorded instanceof RunEvent.RunEnded) {
      deliver(recorded);
    }
    return journaled;
  }

  /** Delivers {@code notice} (already redacted) to the listeners only: it is not a fact. */
  void notify(RunEvent notice) {
    deliver(notice);
  }

  private void deliver(RunEvent event) {
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (Throwable e) { // NOPMD: an observer's failure short of a JVM error is only logged
        Fatal.rethrowIfFatal(e);
        LOG.warn("listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
      }
    }
  }
}
