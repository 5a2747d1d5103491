package dev.xct.temporal.internal;

import dev.xct.core.Step;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.temporal.RunSummary;
import dev.xct.temporal.XctWorkflow;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one XCT run as workflow code: core's own {@link ExecutionLoop}, built on every (re)play with
 * the workflow's clock, the workflow id as run id, the user's validators and budgets, and activity
 * proxies for the model and the tools. Sequencing, decoding, validation and budgets are therefore
 * core's code, deterministic because every input they read comes from history. Events are kept as
 * journal lines for the {@link XctWorkflow#events()} query; the model activity reads the pending
 * step's transcript through {@link ContextQuery}. A run that pauses for a person is held by {@link
 * ApprovalWait}. One instance per workflow execution, confined to its workflow thread.
 */
public final class XctWorkflowImpl implements XctWorkflow {
  private final RunSettings settings;
  private final WorkflowThread thread = new WorkflowThread();
  private final List<String> events = new ArrayList<>();
  private String task = "";
  private String requested = "";
  private List<Step> pendingSteps = List.of();
  private final ApprovalWait approvals = new ApprovalWait(thread, this::record);

  /** Runs with {@code settings}. */
  public XctWorkflowImpl(RunSettings settings) {
    this.settings = settings;
  }

  @Override
  public RunSummary run(String task) {
    this.task = task;
    Workflow.registerListener((ContextQuery) this::modelContext);
    String runId = Workflow.getInfo().getWorkflowId();
    List<Tool> proxies = new ArrayList<>();
    for (ToolSpec spec : settings.tools().specs()) {
      proxies.add(new ActivityTool(spec, settings, thread));
    }
    ExecutionLoop.Builder builder =
        ExecutionLoop.builder(
                new ActivityModelClient(settings, thread, steps -> pendingSteps = steps),
                ToolRegistry.of(proxies.toArray(Tool[]::new)))
            .budgets(settings.budgets())
            .codec(settings.codec())
            // The model activity renders on the worker, with the same renderer; none here.
            .renderer((t, tools, transcript) -> List.of())
            .redactor(settings.redactor())
            .toolTimeout(settings.toolTimeout())
            .clock(new WorkflowClock())
            .runIds(() -> runId)
            .inlineTools()
            // In workflow memory: what core's resume-with-an-answer reads, rebuilt on replay.
            .journal(Journal.inMemory())
            .listener(this::record);
    for (RunSettings.NamedValidator named : settings.validators()) {
      if (named.name() == null) {
        builder.validator(named.validator());
      } else {
        builder.validator(named.name(), named.validator());
      }
    }
    ExecutionLoop loop = builder.build();
    return approvals.settled(loop, loop.run(task, thread.cancellation));
  }

  @Override
  public void answer(String line) {
    approvals.offer(line);
  }

  @Override
  public String pendingApproval() {
    return approvals.waiting() ? requested : "";
  }

  private void record(RunEvent event) {
    String line = JsonLinesEventWriter.line(event);
    events.add(line);
    if (event instanceof RunEvent.ApprovalRequested) {
      requested = line;
    }
  }

  @Override
  public List<String> events() {
    return List.copyOf(events);
  }

  private ModelContext modelContext() {
    List<String> lines = new ArrayList<>(pendingSteps.size());
    for (Step step : pendingSteps) {
      lines.add(
          JsonLinesEventWriter.line(
              new RunEvent.StepCompleted(
                  Workflow.getInfo().getWorkflowId(), step.number(), step.startedAt(), step)));
    }
    return new ModelContext(task, lines);
  }
}
