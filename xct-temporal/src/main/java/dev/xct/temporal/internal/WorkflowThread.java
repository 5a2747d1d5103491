package dev.xct.temporal.internal;

import dev.xct.core.CancellationToken;
import io.temporal.workflow.CancellationScope;

/**
 * What the activity proxies share on one workflow thread: the run's cancellation token, set when
 * Temporal cancels the workflow, and the error with which the SDK ends a workflow thread it evicts.
 * Core catches every error but the JVM's as a tool's or a model's failure; this error must not be
 * caught, so the proxies remember it, rethrow it on every later call, and the workflow rethrows it
 * once the loop returns. Confined to the workflow thread.
 */
final class WorkflowThread {
  final CancellationToken cancellation = CancellationToken.create();
  private Error destroyed;

  /** Rethrows the error that ended this thread, if one did. */
  void check() {
    if (destroyed != null) {
      throw destroyed;
    }
  }

  /**
   * Remembers {@code error} if it is not one core would have let through anyway, and returns it.
   */
  Error remember(Error error) {
    if (!(error instanceof VirtualMachineError) && destroyed == null) {
      destroyed = error;
    }
    return error;
  }

  /** Cancels the run if Temporal asked to cancel the workflow; returns whether it did. */
  boolean cancelledByTemporal() {
    if (CancellationScope.current().isCancelRequested()) {
      cancellation.cancel();
      return true;
    }
    return false;
  }
}
