package dev.xct.core.internal.run;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.codec.RecordedReply;
import dev.xct.core.journal.Journal;
import dev.xct.core.journal.ResumePolicy;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one run: the spec's loop of ask, decode, validate, execute, record, repeat, from the
 * start or continued from its journal after a crash. Each step ends in a {@link StepOutcome}: the
 * next step, or how the run ends. Confined to the run's thread (one engine per run).
 */
public final class RunEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);

  private final LoopConfig config;
  private final RunState state;
  private final CancellationToken cancellation;
  private final InFlight inFlight;
  private final Recorder recorder;
  private final ModelTurn model;
  private final ToolTurn tools;

  private RunEngine(LoopConfig config, RunState state, CancellationToken cancellation) {
    this.config = config;
    this.state = state;
    this.cancellation = cancellation;
    this.inFlight = new InFlight(cancellation);
    this.recorder = new Recorder(state, config.journal(), config.redactor(), config.listeners());
    this.model = new ModelTurn(config, state, cancellation, inFlight);
    this.tools = new ToolTurn(config, state, inFlight, recorder);
  }

  /** Runs {@code task} to the end and reports how it ended. Never throws except JVM errors. */
  public static RunResult run(LoopConfig config, String task, CancellationToken cancellation) {
    RunState state =
        new RunState(config.runIds().get(), task, config.clock().instant(), config.budgets());
    RunEngine engine = new RunEngine(config, state, cancellation);
    RunScope scope = RunScope.enter(state.runId, config.journal(), cancellation, engine.inFlight);
    try {
      engine.recorder.record(new RunEvent.RunStarted(state.runId, 0, state.startedAt, task));
      LOG.info("run started");
      return engine.loop();
    } finally {
      scope.close();
    }
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
      Resumption read = Resumption.read(runId, events);
      if (read.ended.isPresent()) {
        return read.result();
      }
      RunState state = new RunState(runId, read.task, read.startedAt, config.budgets());
      read.steps.forEach(state::add);
      state.addUsage(read.usage);
      RunEngine engine = new RunEngine(config, state, cancellation);
      engine.recorder.restorePending(read.pending);
      RunScope scope = RunScope.enter(runId, null, cancellation, engine.inFlight);
      try {
        return engine.resumed();
      } finally {
        scope.close();
      }
    } finally {
      ActiveRuns.release(journal, runId);
    }
  }

  private RunResult resumed() {
    recorder.record(new RunEvent.RunResumed(state.runId, state.steps(), config.clock().instant()));
    LOG.info("run resumed after step {}", state.steps());
    if (recorder.broken()) {
      return end(Ending.JOURNAL_LOST);
    }
    Optional<RunEvent.ToolStarting> intent = recorder.pending().pendingIntent();
    if (intent.isPresent()) {
      if (settle(intent.get()) instanceof StepOutcome.End end) {
        return end(end.ending());
      }
    } else {
      recorder.dropPending();
    }
    Step last = state.last().orElse(null);
    if (last instanceof Step.Done done) {
      return end(Ending.done(done.done().message()));
    }
    if (last instanceof Step.Refused refused
        && refused.verdicts().get(refused.verdicts().size() - 1).verdict()
            instanceof Verdict.Stop stop) {
      return end(Ending.of(stop));
    }
    return loop();
  }

  /**
   * Settles the step whose intent was journaled but whose outcome was not: reports or re-runs it.
   */
  private StepOutcome settle(RunEvent.ToolStarting intent) {
    ToolCall call = intent.call();
    int number = intent.step();
    RunScope.step(number);
    Tool tool = config.tools().find(call.tool()).orElse(null);
    boolean idempotent = tool != null && tool.spec().hints().idempotent();
    if (config.resumePolicy() == ResumePolicy.RERUN_IDEMPOTENT
        && idempotent
        && !Redactor.isRedacted(call.arguments())) {
      LOG.info("re-running idempotent tool '{}' of interrupted step {}", call.tool(), number);
      return tools.execute(number, call, tool);
    }
    LOG.warn("step {} was interrupted while '{}' ran; outcome unknown", number, call.tool());
    recorder.record(
        new RunEvent.ToolFinished(
            state.runId,
            number,
            config.clock().instant(),
            call.tool(),
            OutcomeUnknown.failure(
                call,
                number,
                idempotent,
                tool == null ? Optional.empty() : tools.check(tool, call, number)),
            Duration.ZERO));
    return StepOutcome.NEXT;
  }

  private RunResult loop() {
    while (true) {
      if (step() instanceof StepOutcome.End end) {
        return end(end.ending());
      }
    }
  }

  private StepOutcome step() {
    if (recorder.broken()) {
      return StepOutcome.end(Ending.JOURNAL_LOST);
    }
    // One clock read serves the limits check and the step's start.
    Instant stepStart = config.clock().instant();
    Optional<Ending> limit = state.limit(config.budgets(), cancellation.isCancelled(), stepStart);
    if (limit.isPresent()) {
      return StepOutcome.end(limit.get());
    }
    int number = state.steps() + 1;
    RunScope.step(number);
    ModelInvoker.Outcome asked = model.ask(number, stepStart);
    if (!(asked instanceof ModelInvoker.Replied answered)) {
      return StepOutcome.end(model.stopped(asked));
    }
    Duration latency = Durations.micros(stepStart, config.clock().instant());
    if (cancellation.isCancelled()) {
      // Dropped, not journaled: the run ended while the model worked.
      return StepOutcome.end(Ending.CANCELLED);
    }
    Instant replied = stepStart.plus(latency);
    ModelReply reply = answered.reply();
    state.addUsage(reply.usage());
    DecodeResult decoded = config.codec().decodeReply(reply);
    reply = RecordedReply.of(reply, decoded); // a reply too large to decode is kept as a prefix
    recorder.record(
        new RunEvent.ModelReplied(state.runId, number, replied, reply, decoded, latency));
    if (decoded instanceof DecodeResult.Invalid invalid) {
      LOG.info("reply rejected: {}", invalid.failure().code());
      return StepOutcome.NEXT;
    }
    Decision decision = ((DecodeResult.Valid) decoded).decision();
    if (decision instanceof Decision.Done done) {
      return StepOutcome.end(Ending.done(done.message()));
    }
    return tools.propose((Decision.Proposal) decision, number, replied);
  }

  private RunResult end(Ending ending) {
    Instant endedAt = config.clock().instant();
    RunScope.clearStep();
    recorder.record(
        new RunEvent.RunEnded(
            state.runId,
            state.steps(),
            endedAt,
            ending.status(),
            Optional.ofNullable(ending.code()),
            ending.message(),
            Optional.ofNullable(ending.failure())));
    LOG.info("run ended: {} {}", ending.status(), ending.code() == null ? "" : ending.code());
    return state.result(ending, endedAt);
  }
}
