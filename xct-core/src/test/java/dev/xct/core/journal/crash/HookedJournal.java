package dev.xct.core.journal.crash;

import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import java.util.List;

/** Wraps the real journal and tells the hooks about each window around an append. */
final class HookedJournal implements Journal {
  private final Journal delegate;
  private final CrashWorld.Hooks hooks;

  HookedJournal(Journal delegate, CrashWorld.Hooks hooks) {
    this.delegate = delegate;
    this.hooks = hooks;
  }

  @Override
  public void append(RunEvent event) {
    String id = event.runId();
    int step = event.step();
    if (event instanceof RunEvent.ToolStarting) {
      hooks.at("BEFORE_INTENT", id, step);
      hooks.at("TORN_INTENT", id, step);
    } else if (event instanceof RunEvent.ToolFinished) {
      hooks.at("BEFORE_OUTCOME", id, step);
    } else if (event instanceof RunEvent.ApprovalDecided) {
      hooks.at("BEFORE_DECISION", id, step);
      hooks.at("TORN_DECISION", id, step);
    }
    if (completesStep(event)) {
      hooks.at("TORN_STEP", id, step);
    }
    delegate.append(event);
    if (event instanceof RunEvent.ToolStarting) {
      hooks.at("AFTER_INTENT", id, step);
    } else if (completesStep(event)) {
      hooks.at("BETWEEN_STEPS", id, step);
    } else if (event instanceof RunEvent.RunResumed) {
      hooks.at("AFTER_RESUMED", id, step);
    } else if (event instanceof RunEvent.ApprovalDecided) {
      hooks.at("AFTER_DECISION", id, step);
    }
  }

  /** Returns whether {@code event} is the fact that completes its step (no record follows it). */
  private static boolean completesStep(RunEvent event) {
    if (event instanceof RunEvent.ToolFinished) {
      return true;
    }
    if (event instanceof RunEvent.ModelReplied replied) {
      return !(replied.decoded() instanceof DecodeResult.Valid valid)
          || valid.decision() instanceof Decision.Done;
    }
    return event instanceof RunEvent.VerdictIssued issued && !issued.verdict().verdict().allows();
  }

  @Override
  public List<RunEvent> read(String runId) {
    return delegate.read(runId);
  }
}
