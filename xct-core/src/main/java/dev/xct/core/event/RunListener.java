package dev.xct.core.event;

/**
 * Observes a run's events: for logging, metrics, tracing or a journal.
 *
 * <p>Called synchronously on the run's thread, in event order; keep it fast. A listener that throws
 * is logged and otherwise ignored: observers cannot change or break a run. Implementations must be
 * thread-safe when the loop serves concurrent runs.
 */
@FunctionalInterface
public interface RunListener {

  /** Receives one event. */
  void onEvent(RunEvent event);
}
