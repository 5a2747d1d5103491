package dev.xct.temporal.internal;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stands in for the user's model client inside the workflow: each call schedules one model
 * activity, with the retry options the loop was given (none by default: the client's own policy
 * governs), and waits for it. The transcript of the pending call is handed to the workflow's
 * context query, so it is not copied into history. A failed activity becomes the client failure the
 * loop ends with {@code MODEL_FAILED}; if Temporal cancelled the workflow, the run's token is
 * cancelled first, so the run ends {@code CANCELLED}. Confined to the workflow thread.
 */
final class ActivityModelClient implements ModelClient {
  private final RunSettings settings;
  private final WorkflowThread thread;
  private final Consumer<List<Step>> pending;

  ActivityModelClient(RunSettings settings, WorkflowThread thread, Consumer<List<Step>> pending) {
    this.settings = settings;
    this.thread = thread;
    this.pending = pending;
  }

  @Override
  public boolean honoursCancellation() {
    return true; // called on the workflow thread, which Temporal alone may block
  }

  @Override
  public ModelReply next(ModelRequest request) {
    thread.check();
    if (thread.cancelledByTemporal()) {
      throw new XctException("the workflow was cancelled");
    }
    pending.accept(request.transcript());
    Duration left = request.remaining();
    Duration timeout = left.compareTo(settings.modelTimeout()) < 0 ? left : settings.modelTimeout();
    ModelActivity activity =
        Workflow.newActivityStub(
            ModelActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(timeout.isZero() ? Duration.ofMillis(1) : timeout)
                .setRetryOptions(settings.modelRetry())
                .build());
    try {
      return activity
          .next(new ModelAsk(request.runId(), request.step(), request.deadline().toEpochMilli()))
          .toReply();
    } catch (TemporalFailure e) {
      thread.cancelledByTemporal();
      throw new XctException(describe(e), e);
    } catch (Error e) {
      throw thread.remember(e);
    }
  }

  /** Says what failed: the client's own exception type and message when it threw. */
  private static String describe(TemporalFailure failure) {
    Throwable cause = failure instanceof ActivityFailure ? failure.getCause() : failure;
    if (cause instanceof ApplicationFailure app) {
      return app.getType() + ": " + app.getOriginalMessage();
    }
    return cause == null ? failure.getMessage() : cause.getMessage();
  }
}
