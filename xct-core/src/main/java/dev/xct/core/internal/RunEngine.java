package dev.xct.core.internal;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.XctException;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.journal.ResumePolicy;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes one run: the spec's loop of ask, decode, validate, execute, record, repeat, from the
 * start or from a journal after a crash. Holds the run's mutable state; confined to the run's
 * thread (one engine per run).
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
          ErrorCodes.DEADLINE_EXCEEDED,
          ErrorCodes.TOKEN_BUDGET_EXCEEDED);
  private static final String JOURNAL_LOST =
      "the journal could not record the run, so it was stopped: it could no longer be traced";

  private final LoopConfig config;
  private final ValidatorChain chain;
  private final ToolInvoker invoker;
  private final ModelInvoker modelInvoker;
  private final Publisher publisher;
  private final ContextRenderer renderer;
  private final String runId;
  private final String task;
  private final CancellationToken cancellation;
  private final Instant startedAt;
  private final Instant deadline;
  private final Recovery recovery;
  private final Transcript transcript = new Transcript();
  private final Map<String, Integer> executions = new HashMap<>();
  // The tool call or model call in flight, which cancellation abandons.
  private final AtomicReference<Future<?>> running = new AtomicReference<>();
  private final AtomicReference<CancellationToken> stepToken = new AtomicReference<>();
  private Map<String, Integer> executionsView = Map.of();
  private int consecutiveErrors;
  private TokenUsage usage = TokenUsage.unknown();
  private boolean journalBroken;

  /** Prepares a new run; nothing happens until {@link #run()}. */
  public RunEngine(LoopConfig config, String task, CancellationToken cancellation) {
    this(config, config.runIds().get(), task, config.clock().instant(), null, cancellation);
  }

  private RunEngine(
      LoopConfig config,
      String runId,
      String task,
      Instant startedAt,
      Recovery recovery,
      CancellationToken cancellation) {
    this.config = config;
    this.chain = new ValidatorChain(config.validators());
    this.invoker = new ToolInvoker(config.toolExecutor());
    this.modelInvoker = new ModelInvoker(config.toolExecutor());
    this.publisher = new Publisher(config.journal(), config.redactor(), config.listeners());
    this.renderer = config.renderer().forRun();
    this.runId = runId;
    this.task = task;
    this.cancellation = cancellation;
    this.startedAt = startedAt;
    this.deadline = startedAt.plus(config.budgets().maxDuration());
    this.recovery = recovery;
    if (recovery != null) {
      recovery.steps.forEach(this::restore);
      usage = recovery.usage;
    }
  }

  /** Runs to the end and reports how it ended. Never throws except for JVM errors. */
  public RunResult run() {
    return guarded(
        () -> {
          emit(new RunEvent.RunStarted(runId, 0, startedAt, task));
          LOG.info("run started");
          return loop();
        });
  }

  /**
   * Continues run {@code runId} from the journal: returns its result at once if it had ended,
   * otherwise settles the step the crash interrupted and runs on to the end.
   *
   * @throws XctException if the loop has no journal, the journal holds no such run, or the run is
   *     executing in this process right now
   */
  public static RunResult resume(LoopConfig config, String runId, CancellationToken cancellation) {
    Journal journal = config.journal();
    if (journal == null) {
      throw new XctException("resuming a run needs a journal: configure one on the loop");
    }
    if (!ActiveRuns.claim(journal, runId)) {
      throw new XctException("run '" + runId + "' is still running; it cannot be resumed now");
    }
    try {
      List<RunEvent> events = journal.read(runId);
      if (events.isEmpty()) {
        throw new XctException("the journal holds no run with id '" + runId + "'");
      }
      Recovery recovery = Recovery.of(runId, events);
      if (recovery.hasEnded()) {
        return recovery.result();
      }
      RunEngine engine =
          new RunEngine(config, runId, recovery.task, recovery.startedAt, recovery, cancellation);
      return engine.guarded(engine::resumed);
    } finally {
      ActiveRuns.release(journal, runId);
    }
  }

  private RunResult guarded(Supplier<RunResult> body) {
    Map<String, String> previousMdc = MDC.getCopyOfContextMap();
    MDC.put(MDC_RUN_ID, runId);
    cancellation.onCancel(this::abandonRunning);
    boolean claimed =
        recovery == null && config.journal() != null && ActiveRuns.claim(config.journal(), runId);
    try {
      return body.get();
    } finally {
      if (claimed) {
        ActiveRuns.release(config.journal(), runId);
      }
      if (previousMdc == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previousMdc);
      }
    }
  }

  private RunResult resumed() {
    emit(new RunEvent.RunResumed(runId, transcript.size(), config.clock().instant()));
    LOG.info("run resumed after step {}", transcript.size());
    if (journalBroken) {
      return end(RunStatus.STOPPED, ErrorCodes.JOURNAL_FAILED, JOURNAL_LOST);
    }
    Verdict.Stop stop = recovery.intent == null ? null : settleInterrupted();
    if (stop != null) {
      return end(RunStatus.STOPPED, stop.code(), stop.reason());
    }
    if (!transcript.isEmpty()) {
      Step last = transcript.get(transcript.size() - 1);
      if (last.decision().orElse(null) instanceof Decision.Done done) {
        return end(RunStatus.DONE, null, done.message());
      }
      Verdict lastVerdict =
          last.verdicts().isEmpty()
              ? null
              : last.verdicts().get(last.verdicts().size() - 1).verdict();
      if (lastVerdict instanceof Verdict.Stop stopped) {
        return endStopped(stopped);
      }
    }
    return loop();
  }

  /** Records the step whose intent was journaled but whose outcome was not (or re-runs it). */
  private Verdict.Stop settleInterrupted() {
    RunEvent.ToolStarting intent = recovery.intent;
    ToolCall call = intent.call();
    int number = intent.step();
    MDC.put(MDC_STEP, Integer.toString(number));
    RunEvent.ModelReplied reply = recovery.reply;
    StepBuilder step =
        reply != null && reply.step() == number
            ? new StepBuilder(
                number, reply.at().minus(reply.latency()), reply.reply(), reply.latency())
            : new StepBuilder(number, intent.at(), ModelReply.of(""), Duration.ZERO);
    Decision.Proposal proposal = Decision.propose(call.tool(), call.arguments(), call.goal());
    if (recovery.outcome != null) {
      LOG.info("step {} had finished before the interruption; recording its outcome", number);
      countExecution(call.tool());
      record(
          step.executed(
              proposal, intent.verdicts(), recovery.outcome.result(), recovery.outcome.duration()));
      return null;
    }
    Tool tool = config.tools().find(call.tool()).orElse(null);
    boolean idempotent = tool != null && tool.spec().hints().idempotent();
    if (config.resumePolicy() == ResumePolicy.RERUN_IDEMPOTENT
        && idempotent
        && !Redactor.isRedacted(call.arguments())) {
      LOG.info("re-running idempotent tool '{}' of interrupted step {}", call.tool(), number);
      return execute(step, proposal, intent.verdicts(), tool);
    }
    LOG.warn("step {} was interrupted while '{}' ran; outcome unknown", number, call.tool());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tool", call.tool());
    details.put("step", number);
    details.put("idempotent", idempotent);
    if (tool != null) {
      check(tool, call, number).ifPresent(found -> details.put("check", found.toNode()));
    }
    countExecution(call.tool());
    Result.Failure unknown =
        Result.failure(
            ErrorCodes.OUTCOME_UNKNOWN,
            "step "
                + number
                + " was interrupted while tool '"
                + call.tool()
                + "' ran: whether it took effect is unknown, and it was not run again; find out"
                + " before proposing it again",
            details);
    record(step.executed(proposal, intent.verdicts(), unknown, Duration.ZERO));
    return null;
  }

  private Optional<JsonValue> check(Tool tool, ToolCall call, int number) {
    Tool probe =
        new Tool() {
          @Override
          public dev.xct.core.tool.ToolSpec spec() {
            return tool.spec();
          }

          @Override
          public Result execute(ToolCall c, ToolContext context) {
            return tool.checkOutcome(c, context)
                .<Result>map(Result.Success::new)
                .orElseGet(() -> Result.failure("NO_CHECK", "the tool offers no check"));
          }
        };
    Result result =
        invoker.invoke(probe, call, toolContext(number, tool, config.clock().instant()), f -> {});
    stepToken.set(null);
    return result instanceof Result.Success success
        ? Optional.of(success.result())
        : Optional.empty();
  }

  private RunResult loop() {
    while (true) {
      if (journalBroken) {
        return end(RunStatus.STOPPED, ErrorCodes.JOURNAL_FAILED, JOURNAL_LOST);
      }
      // One clock read serves the limits check and the step's start.
      Instant stepStart = config.clock().instant();
      RunResult limit = checkLimits(stepStart);
      if (limit != null) {
        return limit;
      }
      int number = transcript.size() + 1;
      MDC.put(MDC_STEP, Integer.toString(number));
      ModelInvoker.Outcome outcome = askModel(number, stepStart);
      if (!(outcome instanceof ModelInvoker.Replied answered)) {
        return modelStopped(outcome);
      }
      ModelReply reply = answered.reply();
      Instant replied = config.clock().instant();
      Duration latency = micros(stepStart, replied);
      if (cancellation.isCancelled()) {
        // Dropped, not journaled: the run ended while the model worked.
        return end(RunStatus.CANCELLED, ErrorCodes.CANCELLED, "the run was cancelled");
      }
      usage = usage.plus(reply.usage());
      DecodeResult decoded = config.codec().decodeReply(reply);
      reply = RecordedReply.of(reply, decoded); // a reply too large to decode is kept as a prefix
      emit(new RunEvent.ModelReplied(runId, number, replied, reply, decoded, latency));
      StepBuilder step = new StepBuilder(number, stepStart, reply, latency);
      if (decoded instanceof DecodeResult.Invalid invalid) {
        LOG.info("reply rejected: {}", invalid.failure().code());
        record(step.failed(invalid.failure()), replied);
        continue;
      }
      Decision decision = ((DecodeResult.Valid) decoded).decision();
      if (decision instanceof Decision.Done done) {
        record(step.done(done), replied);
        return end(RunStatus.DONE, null, done.message());
      }
      Verdict.Stop stop = propose((Decision.Proposal) decision, step, replied);
      if (stop != null) {
        return endStopped(stop);
      }
    }
  }

  /** Asks the model for step {@code number}, waiting no longer than the run's deadline. */
  private ModelInvoker.Outcome askModel(int number, Instant now) {
    List<Step> steps = transcript.snapshot();
    List<ChatMessage> messages;
    try {
      messages = renderer.render(task, config.tools().specs(), steps);
    } catch (Throwable e) { // NOPMD: a renderer's failure short of a JVM error fails the call
      Fatal.rethrowIfFatal(e);
      return new ModelInvoker.Failed(e);
    }
    CancellationToken token = CancellationToken.create();
    stepToken.set(token);
    if (cancellation.isCancelled()) {
      token.cancel();
    }
    ModelRequest request =
        new ModelRequest(
            runId,
            number,
            task,
            config.tools().specs(),
            steps,
            messages,
            deadline,
            token,
            config.clock());
    ModelInvoker.Outcome outcome =
        modelInvoker.invoke(
            config.model(),
            request,
            Duration.between(now, deadline),
            call -> {
              running.set(call);
              // Cancelled between the check above and now: nobody else will abandon the call.
              if (cancellation.isCancelled()) {
                call.cancel(true);
              }
            });
    running.set(null);
    stepToken.set(null);
    return outcome;
  }

  /**
   * Ends a run whose model call brought no reply: {@code MODEL_FAILED} if the client failed on its
   * own, {@code CANCELLED} or {@code DEADLINE_EXCEEDED} if the run stopped waiting or the client
   * gave up because the run was cancelled or out of time.
   */
  private RunResult modelStopped(ModelInvoker.Outcome outcome) {
    if (!cancellation.isCancelled() && Thread.currentThread().isInterrupted()) {
      return end(
          RunStatus.CANCELLED,
          ErrorCodes.CANCELLED,
          "the run's thread was interrupted while the model worked");
    }
    if (outcome instanceof ModelInvoker.Failed failed) {
      Throwable e = failed.failure();
      if (!cancellation.isCancelled() && config.clock().instant().isBefore(deadline)) {
        LOG.error("model client failed", e);
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return end(RunStatus.MODEL_FAILED, ErrorCodes.MODEL_FAILED, "model client failed: " + why);
      }
      LOG.info("model client stopped as the run was cancelled or out of time: {}", e.toString());
    }
    // As of the deadline at the latest: a timed-out wait reached it even if a test clock did not.
    return checkLimits(deadline);
  }

  /** Validates and maybe executes a proposal; returns the stop verdict if the run must end. */
  private Verdict.Stop propose(Decision.Proposal proposal, StepBuilder step, Instant now) {
    RunStats stats =
        new RunStats(transcript.size(), consecutiveErrors, executionsView, startedAt, usage);
    ValidationContext context =
        new ValidationContext(runId, step.number, config.tools(), stats, now);
    List<VerdictRecord> verdicts =
        chain.check(
            proposal, context, v -> emit(new RunEvent.VerdictIssued(runId, step.number, now, v)));
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
    return execute(step, proposal, verdicts, tool);
  }

  /**
   * Journals the intent, and only if that worked runs the tool once and records its outcome.
   * Returns a stop verdict if the intent could not be journaled.
   */
  private Verdict.Stop execute(
      StepBuilder step, Decision.Proposal proposal, List<VerdictRecord> verdicts, Tool tool) {
    ToolCall call = new ToolCall(proposal.tool(), proposal.arguments(), proposal.goal());
    Instant toolStart = config.clock().instant();
    ToolContext toolContext = toolContext(step.number, tool, toolStart);
    if (journalBroken
        || !emit(new RunEvent.ToolStarting(runId, step.number, toolStart, call, verdicts))) {
      stepToken.set(null);
      LOG.error("the intent to run '{}' was not journaled; the tool was not run", call.tool());
      Result.Failure failure =
          Result.failure(
              ErrorCodes.JOURNAL_FAILED,
              "the intent to run tool '"
                  + call.tool()
                  + "' could not be journaled; it did not run");
      record(step.judged(proposal, verdicts, failure));
      return Verdict.stop(ErrorCodes.JOURNAL_FAILED, JOURNAL_LOST);
    }
    Result result = invoker.invoke(tool, call, toolContext, running::set);
    running.set(null);
    stepToken.set(null);
    Instant toolEnd = config.clock().instant();
    Duration toolDuration = micros(toolStart, toolEnd);
    countExecution(proposal.tool());
    emit(new RunEvent.ToolFinished(runId, step.number, toolEnd, call.tool(), result, toolDuration));
    record(step.executed(proposal, verdicts, result, toolDuration), toolEnd);
    return null;
  }

  private ToolContext toolContext(int number, Tool tool, Instant now) {
    Duration timeout = tool.spec().timeout().orElse(config.toolTimeout());
    CancellationToken token = CancellationToken.create();
    stepToken.set(token);
    if (cancellation.isCancelled()) {
      token.cancel();
    }
    return new ToolContext(runId, number, min(now.plus(timeout), deadline), token, config.clock());
  }

  private RunResult checkLimits(Instant now) {
    RunLimits.Ending ending =
        RunLimits.reached(
            config.budgets(),
            cancellation.isCancelled(),
            transcript.size(),
            consecutiveErrors,
            usage,
            now,
            deadline);
    return ending == null ? null : end(ending.status(), ending.code(), ending.message());
  }

  private boolean emit(RunEvent event) {
    boolean journaled = publisher.publish(event);
    if (!journaled) {
      journalBroken = true;
    }
    return journaled;
  }

  private void countExecution(String tool) {
    int count = executions.merge(tool, 1, Integer::sum);
    // The usual run calls one tool again and again: skip the general copy for it.
    executionsView = executions.size() == 1 ? Map.of(tool, count) : Map.copyOf(executions);
  }

  /** Adds a step read back from the journal, without emitting anything. */
  private void restore(Step step) {
    transcript.add(step);
    consecutiveErrors = step.failed() ? consecutiveErrors + 1 : 0;
    if (step.executed()) {
      step.tool().ifPresent(this::countExecution);
    }
  }

  private void record(Step step) {
    record(step, config.clock().instant());
  }

  /** Records {@code step}, completed {@code at} (a time read just before, when there is one). */
  private void record(Step step, Instant at) {
    transcript.add(step);
    consecutiveErrors = step.failed() ? consecutiveErrors + 1 : 0;
    emit(new RunEvent.StepCompleted(runId, step.number(), at, step));
  }

  private RunResult endStopped(Verdict.Stop stop) {
    RunStatus status =
        BUDGET_CODES.contains(stop.code()) ? RunStatus.LIMIT_REACHED : RunStatus.STOPPED;
    return end(status, stop.code(), stop.reason());
  }

  private RunResult end(RunStatus status, String code, String message) {
    Instant endedAt = config.clock().instant();
    MDC.remove(MDC_STEP);
    Optional<String> optionalCode = Optional.ofNullable(code);
    emit(new RunEvent.RunEnded(runId, transcript.size(), endedAt, status, optionalCode, message));
    LOG.info("run ended: {} {}", status, code == null ? "" : code);
    return new RunResult(
        runId,
        task,
        status,
        optionalCode,
        message,
        transcript.snapshot(),
        startedAt,
        endedAt,
        usage);
  }

  /** Signals the tool call or model call in flight, if any, and stops waiting for it. */
  private void abandonRunning() {
    CancellationToken token = stepToken.get();
    if (token != null) {
      token.cancel();
    }
    Future<?> future = running.get();
    if (future != null) {
      future.cancel(true);
    }
  }

  /**
   * Durations are kept to the microsecond, as journaled, so a resumed result equals the live one.
   */
  private static Duration micros(Instant from, Instant to) {
    return Duration.between(from, to).truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
