package dev.xct.temporal.internal;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.tool.ToolSpec;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds the {@link ModelRequest} of one step on the worker (the transcript read from the
 * workflow, rendered by the same renderer the in-process loop uses) and asks the user's model
 * client once; what the client throws fails the activity, and Temporal retries it only as the
 * loop's model retry options say. Thread-safe if the client and the renderer are.
 */
public final class ModelActivityImpl implements ModelActivity {
  private final RunSettings settings;

  /** Calls the model client and renderer of {@code settings}. */
  public ModelActivityImpl(RunSettings settings) {
    this.settings = settings;
  }

  @Override
  public ModelAnswer next(ModelAsk ask) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    ActivityInfo info = activity.getInfo();
    ModelContext context =
        activity
            .getWorkflowClient()
            .newUntypedWorkflowStub(
                info.getWorkflowId(), Optional.of(info.getRunId()), Optional.empty())
            .query(ContextQuery.NAME, ModelContext.class);
    List<Step> steps = new ArrayList<>();
    for (String line : context.steps()) {
      Step step = ((RunEvent.StepCompleted) EventParser.parse(line)).record();
      if (step.number() < ask.step()) {
        steps.add(step);
      }
    }
    List<ToolSpec> specs = settings.tools().specs();
    ModelRequest request =
        new ModelRequest(
            ask.runId(),
            ask.step(),
            context.task(),
            specs,
            steps,
            settings.renderer().render(context.task(), specs, steps),
            Instant.ofEpochMilli(ask.deadline()),
            CancellationToken.create(),
            Clock.systemUTC());
    ModelReply reply = settings.model().next(request);
    if (reply == null) {
      throw new IllegalStateException("model client returned null");
    }
    return ModelAnswer.of(reply);
  }
}
