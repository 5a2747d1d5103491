package dev.xct.core.internal.run;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.codec.RecordedReply;
import dev.xct.core.internal.event.StepFold;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
  private final PendingStep settling;

  private RunEngine(LoopConfig config, RunState state, CancellationToken cancellation) {
    this.config = config;
    this.state = state;
    this.cancellation = cancellation;
    this.inFlight = new InFlight(cancellation);
    this.recorder = new Recorder(state, config.journal(), config.redactor(), config.listeners());
    this.model = new ModelTurn(config, state, cancellation, inFlight);
    this.tools = new ToolTurn(config, state, inFlight, recorder);
    this.settling = new PendingStep(config, state, recorder, tools);
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
   * Continues run {@code runId} from the journal: returns its result at once if it had ended (or
   * waits for a person whose request has not expired), otherwise settles the step the crash
   * interrupted (or carries out the answer a person gave) and runs on to the end.
   *
   * @throws XctException if the loop has no journal, the journal holds no such run, or the run is
   *     executing in this process right now
   */
  public static RunResult resume(LoopConfig config, String runId, CancellationToken cancellation) {
    return claimed(
        config,
        runId,
        read -> {
          Instant now = config.clock().instant();
          boolean expired =
              read.answer.isEmpty()
                  && read.request.map(r -> r.request().expiredAt(now)).orElse(false);
          if (read.ended.isPresent() && !expired) {
            return read.result();
          }
          RunEngine engine = restored(config, read, cancellation, now);
          RunScope scope = RunScope.enter(runId, null, cancellation, engine.inFlight);
          try {
            return engine.resumed();
          } finally {
            scope.close();
          }
        });
  }

  /**
   * Records a person's {@code answer} to run {@code runId}'s pending request, with who gave it and
   * when; if it is accepted, resumes the run with it.
   *
   * @throws XctException as {@link #resume} does
   */
  public static ApprovalOutcome decide(
      LoopConfig config, String runId, ApprovalAnswer answer, CancellationToken cancellation) {
    return claimed(
        config,
        runId,
        read -> {
          Instant now = config.clock().instant();
          Optional<ApprovalOutcome.Refused> refused = Decisions.refusal(read, answer, now);
          RunEngine engine = restored(config, read, cancellation, now);
          RunScope scope = RunScope.enter(runId, null, cancellation, engine.inFlight);
          try {
            boolean journaled =
                engine.recorder.record(
                    new RunEvent.ApprovalDecided(
                        runId,
                        read.request.map(RunEvent::step).orElse(0),
                        now,
                        answer.action(),
                        answer.decidedBy(),
                        answer.decision(),
                        refused.map(ApprovalOutcome.Refused::code)));
            LOG.info("approval answer by {}: {}", answer.decidedBy(), refused.orElse(null));
            if (refused.isPresent()) {
              return refused.get();
            }
            if (!journaled) {
              return new ApprovalOutcome.Refused(
                  ErrorCodes.JOURNAL_FAILED, "the answer could not be journaled; nothing ran");
            }
            return new ApprovalOutcome.Resumed(engine.resumed());
          } finally {
            scope.close();
          }
        });
  }

  /** Returns the request run {@code runId} waits on, unanswered; empty for no such run. */
  public static Optional<PendingApproval> pendingApproval(LoopConfig config, String runId) {
    List<RunEvent> events = config.journal().read(runId);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    Resumption read = Resumption.read(runId, events);
    return read.answer.isPresent()
        ? Optional.empty()
        : read.request.map(RunEvent.ApprovalRequested::request);
  }

  private static <T> T claimed(LoopConfig config, String runId, Function<Resumption, T> body) {
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
      return body.apply(Resumption.read(runId, events));
    } finally {
      ActiveRuns.release(journal, runId);
    }
  }

  /** Rebuilds the run {@code read} holds; the time it waited for people is added to its budget. */
  private static RunEngine restored(
      LoopConfig config, Resumption read, CancellationToken cancellation, Instant now) {
    Duration waiting =
        read.awaitingSince.map(since -> Duration.between(since, now)).orElse(Duration.ZERO);
    Duration paused = read.paused.plus(waiting.isNegative() ? Duration.ZERO : waiting);
    RunState state = new RunState(read.runId, read.task, read.startedAt, config.budgets(), paused);
    read.steps.forEach(state::add);
    state.addUsage(read.usage);
    RunEngine engine = new RunEngine(config, state, cancellation);
    engine.recorder.restorePending(read.pending);
    return engine;
  }

  private RunResult resumed() {
    recorder.record(new RunEvent.RunResumed(state.runId, state.steps(), config.clock().instant()));
    LOG.info("run resumed after step {}", state.steps());
    if (recorder.broken()) {
      return end(Ending.JOURNAL_LOST);
    }
    StepFold pending = recorder.pending();
    Optional<RunEvent.ToolStarting> intent = pending.pendingIntent();
    Optional<RunEvent.ApprovalRequested> request = pending.pendingRequest();
    if (intent.isPresent()) {
      if (settling.interrupted(intent.get()) instanceof StepOutcome.End end) {
        return end(end.ending());
      }
    } else if (request.isPresent()) {
      StepOutcome answered = settling.answered(request.get(), pending);
      if (answered instanceof StepOutcome.End end) {
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
