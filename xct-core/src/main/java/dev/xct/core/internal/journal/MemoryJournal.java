package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps events in memory, per run. Thread-safe. */
public final class MemoryJournal implements Journal {
  private final Map<String, List<RunEvent>> runs = new HashMap<>();

  @Override
  public synchronized void append(RunEvent event) {
    if (event instanceof RunEvent.RunStarted && runs.containsKey(event.runId())) {
      throw new XctException("the journal already holds a run with id '" + event.runId() + "'");
    }
    runs.computeIfAbsent(event.runId(), id -> new ArrayList<>()).add(event);
  }

  @Override
  public synchronized List<RunEvent> read(String runId) {
    return List.copyOf(runs.getOrDefault(runId, List.of()));
  }

  @Override
  public synchronized Set<String> runIds() {
    return Set.copyOf(runs.keySet());
  }

  @Override
  public String toString() {
    return "MemoryJournal";
  }
}
