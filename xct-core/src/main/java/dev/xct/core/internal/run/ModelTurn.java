package dev.xct.core.internal.run;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelFailure;
import dev.xct.core.ModelRequest;
import dev.xct.core.Step;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.ContextRenderer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the model for one step: renders the context, builds the request with the run's deadline and
 * a cancellation token of the call's own, and waits for the client no longer than the run may
 * ({@link ModelInvoker}); says how the run ends when no reply came. Confined to the run's thread.
 */
final class ModelTurn {
  /**
   * The model client's failures go to the logger named after {@link ModelClient}, a name that stays
   * (docs/guarantees.md), so that an application (the CLI does) can silence or route them.
   */
  private static final Logger LOG = LoggerFactory.getLogger(ModelClient.class);

  private final LoopConfig config;
  private final RunState state;
  private final CancellationToken cancellation;
  private final InFlight inFlight;
  private final ContextRenderer renderer;
  private final ModelInvoker invoker;
  private final Consumer<Future<?>> track;

  ModelTurn(LoopConfig config, RunState state, CancellationToken cancellation, InFlight inFlight) {
    this.config = config;
    this.state = state;
    this.cancellation = cancellation;
    this.inFlight = inFlight;
    this.renderer = config.renderer();
    this.invoker = new ModelInvoker(config.toolExecutor());
    this.track = inFlight::track;
  }

  /** Asks for step {@code number}, starting at {@code now}. */
  ModelInvoker.Outcome ask(int number, Instant now) {
    List<Step> steps = state.transcript();
    List<ChatMessage> messages;
    try {
      messages = renderer.render(state.task, config.tools().specs(), steps);
    } catch (Throwable e) { // NOPMD: a renderer's failure short of a JVM error fails the call
      Fatal.rethrowIfFatal(e);
      return new ModelInvoker.Failed(e);
    }
    ModelRequest request =
        new ModelRequest(
            state.runId,
            number,
            state.task,
            config.tools().specs(),
            steps,
            messages,
            state.deadline,
            inFlight.open(),
            config.clock());
    try {
      return invoker.invoke(config.model(), request, now, track);
    } finally {
      inFlight.close();
    }
  }

  /**
   * Says how a run whose model call brought no reply ends: {@code MODEL_FAILED} if the client
   * failed on its own, {@code CANCELLED} or {@code DEADLINE_EXCEEDED} if the run stopped waiting or
   * the client gave up because the run was cancelled or out of time.
   */
  Ending stopped(ModelInvoker.Outcome outcome) {
    if (!cancellation.isCancelled() && Thread.currentThread().isInterrupted()) {
      return Ending.interrupted("the run's thread was interrupted while the model worked");
    }
    if (outcome instanceof ModelInvoker.Failed failed) {
      // Read once, defensively: what the client threw is its code, and may fail to describe itself.
      ModelFailure failure = ModelFailure.of(failed.failure());
      String why = failure.message().isEmpty() ? failure.type() : failure.message();
      if (!cancellation.isCancelled() && config.clock().instant().isBefore(state.deadline)) {
        logFailure(failed.failure(), why);
        return Ending.modelFailed("model client failed: " + why, failure);
      }
      LOG.info("model client stopped as the run was cancelled or out of time: {}", why);
    }
    // As of the deadline at the latest: a timed-out wait reached it even if a test clock did not.
    return state
        .limit(config.budgets(), cancellation.isCancelled(), state.deadline)
        .orElseThrow(() -> new IllegalStateException("no limit at the deadline"));
  }

  /** Logs the failure with its stack trace; without it if the logger cannot read the exception. */
  private static void logFailure(Throwable e, String why) {
    try {
      LOG.error("model client failed", e);
    } catch (RuntimeException unreadable) { // e.g. a getMessage() that throws
      LOG.error("model client failed: {}", why);
    }
  }
}
