package dev.xct.temporal.internal;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import dev.xct.temporal.RunSummary;
import dev.xct.temporal.XctWorkflow;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Runs one XCT run as workflow code: core's own {@link ExecutionLoop}, built on every (re)play with
 * the workflow's clock, the workflow id as run id, the user's validators and budgets, and activity
 * proxies for the model and the tools. Sequencing, decoding, validation and budgets are therefore
 * core's code, deterministic because every input they read comes from history. Events are kept as
 * journal lines for the {@link XctWorkflow#events()} query; the model activity reads the pending
 * step's transcript through {@link ContextQuery}. One instance per workflow execution, confined to
 * its workflow thread.
 */
public final class XctWorkflowImpl implements XctWorkflow {
  private static final Logger LOG = Workflow.getLogger(XctWorkflowImpl.class);

  private final RunSettings settings;
  private final WorkflowThread thread = new WorkflowThread();
  private final List<String> events = new ArrayList<>();
  private String task = "";
  private String requested = "";
  private final List<RunEvent.ApprovalDecided> answers = new ArrayList<>();
  private List<Step> pendingSteps = List.of();
  private Optional<PendingApproval> pending = Optional.empty();

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
    RunResult result = loop.run(task, thread.cancellation);
    while (result.status() == RunStatus.AWAITING_APPROVAL) {
      thread.check();
      if (thread.cancelledByTemporal()) {
        return cancelledWhileWaiting(result);
      }
      result = awaitAnswer(loop, runId).orElse(result);
    }
    thread.check();
    return RunSummary.of(result);
  }

  /**
   * Waits durably for an answer or for the request's expiry, and settles it with core's own resume:
   * an answer through {@code Approvals.decide} (refused, empty: the run keeps waiting), an expired
   * request through {@code resume}, which refuses the step with {@code APPROVAL_EXPIRED}.
   */
  private Optional<RunResult> awaitAnswer(ExecutionLoop loop, String runId) {
    Optional<PendingApproval> held = loop.approvals().pending(runId);
    pending = held;
    if (held.isEmpty()) {
      return Optional.of(loop.resume(runId, thread.cancellation));
    }
    Duration left =
        Duration.between(
            Instant.ofEpochMilli(Workflow.currentTimeMillis()), held.get().expiresAt());
    if (answers.isEmpty() && left.compareTo(Duration.ZERO) > 0) {
      try {
        Workflow.await(
            left, () -> !answers.isEmpty() || CancellationScope.current().isCancelRequested());
      } catch (CanceledFailure e) {
        return Optional.empty(); // the caller sees the cancellation
      }
    }
    if (thread.cancelledByTemporal()) {
      return Optional.empty();
    }
    RunResult result;
    if (!answers.isEmpty()) {
      RunEvent.ApprovalDecided next = answers.remove(0);
      if (next.step() != held.get().step()) {
        refuseStale(next, held.get().step());
        return Optional.empty();
      }
      ApprovalOutcome outcome =
          loop.approvals()
              .decide(
                  runId,
                  new ApprovalAnswer(next.action(), next.decision(), next.decidedBy()),
                  thread.cancellation);
      if (!(outcome instanceof ApprovalOutcome.Resumed resumed)) {
        return Optional.empty();
      }
      result = resumed.result();
    } else if (held.get().expiredAt(Instant.ofEpochMilli(Workflow.currentTimeMillis()))) {
      result = loop.resume(runId, thread.cancellation);
    } else {
      return Optional.empty();
    }
    pending = Optional.empty();
    return Optional.of(result);
  }

  /**
   * Refuses an answer to another step's request (a second click on an earlier request, delivered
   * after the run went on and asked again, maybe for the same action): it must never count for a
   * request its sender did not see. Core judges answers against the pending request only, so the
   * workflow records this refusal itself.
   */
  private void refuseStale(RunEvent.ApprovalDecided answer, int waiting) {
    String code =
        answer.step() < waiting
            ? ApprovalOutcome.Refused.ALREADY_DECIDED
            : ApprovalOutcome.Refused.NOT_PENDING;
    LOG.warn("answer by {} for step {} refused: {}", answer.decidedBy(), answer.step(), code);
    record(
        new RunEvent.ApprovalDecided(
            Workflow.getInfo().getWorkflowId(),
            answer.step(),
            Instant.ofEpochMilli(Workflow.currentTimeMillis()),
            answer.action(),
            answer.decidedBy(),
            answer.decision(),
            Optional.of(code)));
  }

  /**
   * Ends a run cancelled while it waited for a person: nothing of the step ran, and core has no
   * thread on a paused run to end, so the workflow records the end itself, as core would.
   */
  private RunSummary cancelledWhileWaiting(RunResult paused) {
    pending = Optional.empty();
    String message = "the run was cancelled while it waited for an approval; nothing ran";
    record(
        new RunEvent.RunEnded(
            paused.runId(),
            paused.steps().size(),
            Instant.ofEpochMilli(Workflow.currentTimeMillis()),
            RunStatus.CANCELLED,
            Optional.of(ErrorCodes.CANCELLED),
            message,
            Optional.empty()));
    RunSummary summary = RunSummary.of(paused);
    return new RunSummary(
        summary.runId(),
        RunStatus.CANCELLED,
        ErrorCodes.CANCELLED,
        message,
        summary.steps(),
        summary.promptTokens(),
        summary.completionTokens());
  }

  @Override
  public void answer(String line) {
    try {
      RunEvent.ApprovalDecided decided = (RunEvent.ApprovalDecided) EventParser.parse(line);
      new ApprovalAnswer(decided.action(), decided.decision(), decided.decidedBy()); // validates
      answers.add(decided);
    } catch (RuntimeException e) {
      LOG.warn("dropped an answer that is not an approval_decided line: {}", e.toString());
    }
  }

  @Override
  public String pendingApproval() {
    return pending.isPresent() ? requested : "";
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
