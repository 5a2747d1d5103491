package dev.xct.core.journal;

import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.journal.MemoryJournal;
import java.util.List;
import java.util.Set;

/**
 * Records every event of every run before anyone acts on it, so that a run can be traced and
 * resumed after a crash. Unlike a {@link dev.xct.core.event.RunListener}, a journal is part of the
 * loop's safety: the loop writes each event to the journal before listeners see it, runs a tool
 * only after its intent ({@link RunEvent.ToolStarting}) was appended, and stops a run whose journal
 * fails (code {@code JOURNAL_FAILED}).
 *
 * <p>Implementations must be thread-safe: one journal serves every concurrent run of one or more
 * loops. Events of one run are appended by one thread at a time, in order.
 */
public interface Journal extends AutoCloseable {

  /**
   * Appends one event; returns only once the event is as durable as the journal promises (for
   * {@link FileJournal} see {@link Durability}).
   *
   * @throws XctException if the event could not be recorded; the loop then fails closed
   */
  void append(RunEvent event);

  /**
   * Returns every recorded event of the run, in the order they were appended; empty if the journal
   * knows no such run. A record torn by a crash while it was being written is left out.
   *
   * @throws XctException if the records cannot be read or are corrupt
   */
  List<RunEvent> read(String runId);

  /**
   * Returns the ids of every run the journal holds records of, which {@link
   * dev.xct.core.loop.Approvals#pending()} needs to find the requests waiting in it. The default
   * cannot list them.
   *
   * @throws XctException if the journal cannot list its runs
   */
  default Set<String> runIds() {
    throw new XctException(getClass().getName() + " cannot list its runs");
  }

  /** Releases files and locks; the default does nothing. */
  @Override
  default void close() {}

  /**
   * Returns a journal that keeps events in memory only: nothing survives the process. For tests and
   * demos of {@code resume} within one process. Thread-safe.
   */
  static Journal inMemory() {
    return new MemoryJournal();
  }
}
