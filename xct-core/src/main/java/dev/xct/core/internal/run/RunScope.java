package dev.xct.core.internal.run;

import dev.xct.core.CancellationToken;
import dev.xct.core.journal.Journal;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Surrounds one run's execution on its thread: puts the run id in the MDC, claims the run in its
 * journal (so it cannot be resumed while it runs), and lets cancelling the run abandon the call in
 * flight; closing undoes all three and restores the caller's MDC. Confined to the run's thread.
 */
final class RunScope implements AutoCloseable {
  /** MDC key holding the run id. */
  static final String MDC_RUN_ID = "xct.run_id";

  /** MDC key holding the step number. */
  static final String MDC_STEP = "xct.step";

  /** The MDC's text of the first step numbers, which every run passes through. */
  private static final String[] STEP_NAMES = new String[1024];

  private final Map<String, String> previousMdc;
  private final Journal claimed;
  private final String runId;
  private final CancellationToken.Registration onCancel;

  private RunScope(
      Map<String, String> previousMdc,
      Journal claimed,
      String runId,
      CancellationToken.Registration onCancel) {
    this.previousMdc = previousMdc;
    this.claimed = claimed;
    this.runId = runId;
    this.onCancel = onCancel;
  }

  /**
   * Enters run {@code runId}; {@code claim} is the journal to claim it in, or {@code null} if it is
   * claimed already (a resume) or there is no journal.
   */
  static RunScope enter(
      String runId, Journal claim, CancellationToken cancellation, InFlight inFlight) {
    Map<String, String> previous = MDC.getCopyOfContextMap();
    MDC.put(MDC_RUN_ID, runId);
    Journal claimed = claim != null && ActiveRuns.claim(claim, runId) ? claim : null;
    return new RunScope(previous, claimed, runId, cancellation.onCancel(inFlight::abandon));
  }

  /** Puts step {@code number} in the MDC. */
  static void step(int number) {
    MDC.put(MDC_STEP, number < STEP_NAMES.length ? stepName(number) : Integer.toString(number));
  }

  /** Returns the decimal text of {@code number}, made once per number for every run. */
  private static String stepName(int number) {
    String name = STEP_NAMES[number];
    if (name == null) {
      // A race makes an equal string twice; either is right.
      name = Integer.toString(number);
      STEP_NAMES[number] = name;
    }
    return name;
  }

  /** Takes the step number out of the MDC: the run is ending. */
  static void clearStep() {
    MDC.remove(MDC_STEP);
  }

  @Override
  public void close() {
    onCancel.close();
    if (claimed != null) {
      ActiveRuns.release(claimed, runId);
    }
    if (previousMdc == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(previousMdc);
    }
  }
}
