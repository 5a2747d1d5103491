package dev.xct.core.internal.run;

import dev.xct.core.journal.Journal;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Tracks which runs are executing in this process, per journal, so that a run cannot be resumed
 * while it (or another resume of it) is still running: two engines on one run could execute its
 * dangling step twice. Across processes, the journal's own lock keeps writers apart. Thread-safe.
 */
final class ActiveRuns {
  private static final Map<Journal, Set<String>> ACTIVE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private ActiveRuns() {}

  /** Marks {@code runId} active; returns false if it already was. */
  static boolean claim(Journal journal, String runId) {
    synchronized (ACTIVE) {
      return ACTIVE.computeIfAbsent(journal, j -> new HashSet<>()).add(runId);
    }
  }

  /** Marks {@code runId} no longer active. */
  static void release(Journal journal, String runId) {
    synchronized (ACTIVE) {
      Set<String> runs = ACTIVE.get(journal);
      if (runs != null) {
        runs.remove(runId);
      }
    }
  }
}
