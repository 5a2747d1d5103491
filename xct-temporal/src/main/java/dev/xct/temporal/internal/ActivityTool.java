package dev.xct.temporal.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.internal.run.OutcomeUnknown;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Optional;

/**
 * Stands in for one of the user's tools inside the workflow: same spec, so core's validators judge
 * the call exactly as in-process; executing it schedules one tool activity and waits for it.
 *
 * <p>No implicit retries: the activity has one attempt unless the spec says the tool is idempotent.
 * Its start-to-close timeout is the tool's timeout plus a grace period; the worker enforces the
 * timeout itself ({@code TOOL_TIMEOUT}, as in-process), so Temporal's timeout firing means the
 * worker was lost or stuck, and the call is reported {@code OUTCOME_UNKNOWN}, as a tool a crash
 * interrupted is on resume: never run again behind the model's back. The tool's preview and
 * fingerprint, which an approval needs, are read on the worker in a local activity. Confined to the
 * workflow thread.
 */
final class ActivityTool implements Tool {
  private static final Duration LOOK_TIMEOUT = Duration.ofSeconds(30);

  private final ToolSpec spec;
  private final RunSettings settings;
  private final WorkflowThread thread;

  ActivityTool(ToolSpec spec, RunSettings settings, WorkflowThread thread) {
    this.spec = spec;
    this.settings = settings;
    this.thread = thread;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    thread.check();
    if (thread.cancelledByTemporal()) {
      return cancelled(call);
    }
    boolean idempotent = spec.hints().idempotent();
    Duration timeout = spec.timeout().orElse(settings.toolTimeout());
    ToolActivity activity =
        Workflow.newActivityStub(
            ToolActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(timeout.plus(settings.toolGrace()))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(idempotent ? settings.idempotentToolAttempts() : 1)
                        .build())
                .build());
    try {
      String line = activity.execute(ask(call, context));
      return ((RunEvent.ToolFinished) EventParser.parse(line)).result();
    } catch (TemporalFailure e) {
      if (thread.cancelledByTemporal()) {
        return cancelled(call);
      }
      return OutcomeUnknown.failure(call, context.step(), idempotent, Optional.empty());
    } catch (Error e) {
      throw thread.remember(e);
    }
  }

  @Override
  public Optional<JsonValue> preview(ToolCall call, ToolContext context) {
    return look(call, context, false).map(JsonValue::parse);
  }

  @Override
  public Optional<String> fingerprint(ToolCall call, ToolContext context) {
    return look(call, context, true);
  }

  /**
   * Reads the world on the worker in a local activity: a preview and a fingerprint are quick, pure
   * reads, and their result is kept in history, so a replay sees what the person saw. One attempt;
   * a failure, like a throw of the tool, throws here, so core denies the question ({@code
   * VALIDATOR_ERROR}) or voids the approval ({@code APPROVAL_STALE}).
   */
  private Optional<String> look(ToolCall call, ToolContext context, boolean fingerprint) {
    thread.check();
    ToolActivity activity =
        Workflow.newLocalActivityStub(
            ToolActivity.class,
            LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(LOOK_TIMEOUT)
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    ToolLook look;
    try {
      look = activity.look(ask(call, context), fingerprint);
    } catch (TemporalFailure e) {
      throw new XctException("could not ask the worker about tool '" + call.tool() + "'", e);
    } catch (Error e) {
      throw thread.remember(e);
    }
    if (look.error() != null) {
      throw new XctException("tool '" + call.tool() + "' failed: " + look.error());
    }
    return Optional.ofNullable(look.value());
  }

  private static ToolAsk ask(ToolCall call, ToolContext context) {
    return new ToolAsk(
        context.runId(),
        context.step(),
        call.tool(),
        call.arguments().toJson(),
        call.goal(),
        context.deadline().toEpochMilli());
  }

  private static Result cancelled(ToolCall call) {
    return Result.failure(
        ErrorCodes.CANCELLED, "the run was cancelled while tool '" + call.tool() + "' ran");
  }
}
