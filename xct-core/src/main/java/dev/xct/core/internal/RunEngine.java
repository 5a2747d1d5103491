package dev.xct.core.internal;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes one run: the spec's loop of ask, decode, validate, execute, record, repeat. Holds the
 * run's mutable state; confined to the run's thread (one engine per run).
 */
public final class RunEngine {
  /** MDC key holding the run id. */
  public static final String MDC_RUN_ID = "xct.run_id";

  /** MDC key holding the step number. */
  public static final String MDC_STEP = "xct.step";

  private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);
  private static final Set<String> BUDGET_CODES =
      Set.of(
          ErrorCodes.MAX_STEPS_EXCEEDED,
          ErrorCodes.MAX_CONSECUTIVE_ERRORS,
          ErrorCodes.TOOL_QUOTA_EXCEEDED,
          ErrorCodes.DEADLINE_EXCEEDED);

  private final LoopConfig config;
  private final ValidatorChain chain;
  private final ToolInvoker invoker;
  private final Events events;
  private final String runId;
  private final String task;
  private final CancellationToken cancellation;
  private final Instant startedAt;
  private final Instant deadline;
  private final List<Step> transcript = new ArrayList<>();
  private final Map<String, Integer> executions = new HashMap<>();
  private final AtomicReference<Future<?>> runningTool = new AtomicReference<>();
  private final AtomicReference<CancellationToken> stepToken = new AtomicReference<>();
  private Map<String, Integer> executionsView = Map.of();
  private int consecutiveErrors;
  private TokenUsage usage = TokenUsage.unknown();

  /** Prepares a run; nothing happens until {@link #run()}. */
  public RunEngine(LoopConfig config, String task, CancellationToken cancellation) {
    this.config = config;
    this.chain = new ValidatorChain(config.validators());
    this.invoker = new ToolInvoker(config.toolExecutor());
    this.events = new Events(config.listeners());
    this.runId = config.runIds().get();
    this.task = task;
    this.cancellation = cancellation;
    this.startedAt = config.clock().instant();
    this.deadline = startedAt.plus(config.budgets().maxDuration());
  }

  /** Runs to the end and reports how it ended. Never throws except for JVM errors. */
  public RunResult run() {
    Map<String, String> previousMdc = MDC.getCopyOfContextMap();
    MDC.put(MDC_RUN_ID, runId);
    cancellation.onCancel(this::abandonRunningTool);
    try {
      events.emit(new RunEvent.RunStarted(runId, 0, startedAt, task));
      LOG.info("run started");
      return loop();
    } finally {
      if (previousMdc == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previousMdc);
      }
    }
  }

  private RunResult loop() {
    while (true) {
      RunResult limit = checkLimits();
      if (limit != null) {
        return limit;
      }
      int number = transcript.size() + 1;
      MDC.put(MDC_STEP, Integer.toString(number));
      Instant stepStart = config.clock().instant();
      ModelReply reply;
      try {
        reply = askModel(number);
      } catch (RuntimeException e) {
        LOG.error("model client failed", e);
        return end(RunStatus.MODEL_FAILED, ErrorCodes.MODEL_FAILED, "model client failed: " + e);
      }
      Instant replied = config.clock().instant();
      Duration latency = Duration.between(stepStart, replied);
      usage = usage.plus(reply.usage());
      if (cancellation.isCancelled()) {
        return end(RunStatus.CANCELLED, ErrorCodes.CANCELLED, "the run was cancelled");
      }
      DecodeResult decoded = config.codec().decode(reply.text());
      events.emit(new RunEvent.ModelReplied(runId, number, replied, reply, decoded, latency));
      StepBuilder step = new StepBuilder(number, stepStart, reply, latency);
      if (decoded instanceof DecodeResult.Invalid invalid) {
        LOG.info("reply rejected: {}", invalid.failure().code());
        record(step.failed(invalid.failure()));
        continue;
      }
      Decision decision = ((DecodeResult.Valid) decoded).decision();
      if (decision instanceof Decision.Done done) {
        record(step.done(done));
        return end(RunStatus.DONE, null, done.message());
      }
      Verdict.Stop stop = propose((Decision.Proposal) decision, step);
      if (stop != null) {
        RunStatus status =
            BUDGET_CODES.contains(stop.code()) ? RunStatus.LIMIT_REACHED : RunStatus.STOPPED;
        return end(status, stop.code(), stop.reason());
      }
    }
  }

  private ModelReply askModel(int number) {
    var messages = config.renderer().render(task, config.tools().specs(), transcript);
    ModelRequest request =
        new ModelRequest(runId, number, task, config.tools().specs(), transcript, messages);
    ModelReply reply = config.model().next(request);
    if (reply == null) {
      throw new IllegalStateException("model client returned null");
    }
    return reply;
  }

  /** Validates and maybe executes a proposal; returns the stop verdict if the run must end. */
  private Verdict.Stop propose(Decision.Proposal proposal, StepBuilder step) {
    Instant now = config.clock().instant();
    RunStats stats = new RunStats(transcript.size(), consecutiveErrors, executionsView, startedAt);
    ValidationContext context =
        new ValidationContext(runId, step.number, config.tools(), stats, now);
    List<VerdictRecord> verdicts =
        chain.check(
            proposal,
            context,
            v -> events.emit(new RunEvent.VerdictIssued(runId, step.number, now, v)));
    Verdict last =
        verdicts.isEmpty() ? Verdict.allow() : verdicts.get(verdicts.size() - 1).verdict();
    if (last instanceof Verdict.Deny deny) {
      LOG.info("proposal of '{}' denied: {}", proposal.tool(), deny.code());
      record(step.judged(proposal, verdicts, deny.toFailure()));
      return null;
    }
    if (last instanceof Verdict.Stop stop) {
      LOG.info("proposal of '{}' stopped the run: {}", proposal.tool(), stop.code());
      record(step.judged(proposal, verdicts, stop.toFailure()));
      return stop;
    }
    Tool tool = config.tools().find(proposal.tool()).orElseThrow();
    ToolCall call = new ToolCall(proposal.tool(), proposal.arguments(), proposal.goal());
    Instant toolStart = config.clock().instant();
    Duration timeout = tool.spec().timeout().orElse(config.toolTimeout());
    Instant toolDeadline = min(toolStart.plus(timeout), deadline);
    CancellationToken token = CancellationToken.create();
    stepToken.set(token);
    if (cancellation.isCancelled()) {
      token.cancel();
    }
    ToolContext toolContext =
        new ToolContext(runId, step.number, toolDeadline, token, config.clock());
    events.emit(new RunEvent.ToolStarting(runId, step.number, toolStart, call, verdicts));
    Result result = invoker.invoke(tool, call, toolContext, runningTool::set);
    runningTool.set(null);
    stepToken.set(null);
    Instant toolEnd = config.clock().instant();
    Duration toolDuration = Duration.between(toolStart, toolEnd);
    executions.merge(proposal.tool(), 1, Integer::sum);
    executionsView = Map.copyOf(executions);
    events.emit(
        new RunEvent.ToolFinished(runId, step.number, toolEnd, call.tool(), result, toolDuration));
    record(step.executed(proposal, verdicts, result, toolDuration));
    return null;
  }

  private RunResult checkLimits() {
    Budgets budgets = config.budgets();
    if (cancellation.isCancelled()) {
      return end(RunStatus.CANCELLED, ErrorCodes.CANCELLED, "the run was cancelled");
    }
    if (transcript.size() >= budgets.maxSteps()) {
      return end(
          RunStatus.LIMIT_REACHED,
          ErrorCodes.MAX_STEPS_EXCEEDED,
          "the run used all " + budgets.maxSteps() + " steps without the model saying done");
    }
    if (consecutiveErrors >= budgets.maxConsecutiveErrors()) {
      return end(
          RunStatus.LIMIT_REACHED,
          ErrorCodes.MAX_CONSECUTIVE_ERRORS,
          "the last " + consecutiveErrors + " steps all failed");
    }
    if (!config.clock().instant().isBefore(deadline)) {
      return end(
          RunStatus.LIMIT_REACHED,
          ErrorCodes.DEADLINE_EXCEEDED,
          "the run exceeded its time budget of " + budgets.maxDuration());
    }
    return null;
  }

  private void record(Step step) {
    transcript.add(step);
    consecutiveErrors = step.failed() ? consecutiveErrors + 1 : 0;
    events.emit(new RunEvent.StepCompleted(runId, step.number(), config.clock().instant(), step));
  }

  private RunResult end(RunStatus status, String code, String message) {
    Instant endedAt = config.clock().instant();
    MDC.remove(MDC_STEP);
    Optional<String> optionalCode = Optional.ofNullable(code);
    events.emit(
        new RunEvent.RunEnded(runId, transcript.size(), endedAt, status, optionalCode, message));
    LOG.info("run ended: {} {}", status, code == null ? "" : code);
    return new RunResult(
        runId, task, status, optionalCode, message, transcript, startedAt, endedAt, usage);
  }

  private void abandonRunningTool() {
    CancellationToken token = stepToken.get();
    if (token != null) {
      token.cancel();
    }
    Future<?> future = runningTool.get();
    if (future != null) {
      future.cancel(true);
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Collects the parts of one step as it progresses. */
  private static final class StepBuilder {
    private final int number;
    private final Instant startedAt;
    private final ModelReply reply;
    private final Duration latency;

    StepBuilder(int number, Instant startedAt, ModelReply reply, Duration latency) {
      this.number = number;
      this.startedAt = startedAt;
      this.reply = reply;
      this.latency = latency;
    }

    Step failed(Result.Failure failure) {
      return build(Optional.empty(), List.of(), Optional.of(failure), false, Duration.ZERO);
    }

    Step done(Decision.Done done) {
      return build(Optional.of(done), List.of(), Optional.empty(), false, Duration.ZERO);
    }

    Step judged(Decision.Proposal proposal, List<VerdictRecord> verdicts, Result.Failure failure) {
      return build(Optional.of(proposal), verdicts, Optional.of(failure), false, Duration.ZERO);
    }

    Step executed(
        Decision.Proposal proposal, List<VerdictRecord> verdicts, Result result, Duration took) {
      return build(Optional.of(proposal), verdicts, Optional.of(result), true, took);
    }

    private Step build(
        Optional<Decision> decision,
        List<VerdictRecord> verdicts,
        Optional<Result> result,
        boolean executed,
        Duration toolDuration) {
      return new Step(
          number,
          startedAt,
          reply.text(),
          decision,
          verdicts,
          result,
          executed,
          latency,
          toolDuration,
          reply.usage());
    }
  }
}
