package dev.xct.core.journal;

import dev.xct.core.JsonValue;
import dev.xct.core.RunStatus;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds small, realistic event sequences for journal tests. */
final class JournalEvents {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private JournalEvents() {}

  /** A run of {@code steps} tool steps: started, then per step intent and outcome, then ended. */
  static List<RunEvent> run(String runId, int steps) {
    List<RunEvent> events = new ArrayList<>();
    events.add(new RunEvent.RunStarted(runId, 0, T0, "task of " + runId));
    for (int i = 1; i <= steps; i++) {
      Instant at = T0.plusSeconds(i);
      ToolCall call = new ToolCall("t.bump", JsonValue.from(java.util.Map.of("n", i)), "step " + i);
      events.add(new RunEvent.ToolStarting(runId, i, at, call));
      events.add(
          new RunEvent.ToolFinished(
              runId, i, at, "t.bump", Result.success(java.util.Map.of("n", i)), Duration.ZERO));
    }
    events.add(
        new RunEvent.RunEnded(
            runId, steps, T0.plusSeconds(steps + 1), RunStatus.DONE, Optional.empty(), "ok"));
    return events;
  }
}
