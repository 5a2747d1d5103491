package dev.xct.core.internal.run;

import dev.xct.core.JsonValue;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one proposal through the validators and, if every one allows it, runs its tool exactly
 * once: the intent is journaled first and the tool runs only if that worked; the outcome is
 * recorded after. The tool call owns its handle in {@link InFlight} for as long as it runs.
 * Confined to the run's thread.
 */
final class ToolTurn {
  private static final Logger LOG = LoggerFactory.getLogger(ToolTurn.class);

  private final LoopConfig config;
  private final RunState state;
  private final InFlight inFlight;
  private final Recorder recorder;
  private final ValidatorChain chain;
  private final ToolInvoker invoker;
  private final Consumer<Future<?>> track;
  // The step whose verdicts are being recorded: the chain's sink is made once per run, not step.
  private int verdictStep;
  private Instant verdictAt;
  private final Consumer<VerdictRecord> verdicts = this::recordVerdict;

  ToolTurn(LoopConfig config, RunState state, InFlight inFlight, Recorder recorder) {
    this.config = config;
    this.state = state;
    this.inFlight = inFlight;
    this.recorder = recorder;
    this.chain = config.chain();
    this.invoker = new ToolInvoker(config.toolExecutor());
    this.track = inFlight::track;
  }

  /** Judges {@code proposal} of step {@code number} at {@code now} and runs it if allowed. */
  StepOutcome propose(Decision.Proposal proposal, int number, Instant now) {
    return propose(proposal, number, now, null, null);
  }

  /**
   * Judges {@code proposal} again, whose request {@code held} {@code approvedBy} approved later:
   * the whole chain runs, with the approval granted, and the tool runs only if the approval still
   * holds ({@link ApprovalChecks}). Without {@code held}, judges it as it comes.
   */
  StepOutcome propose(
      Decision.Proposal proposal,
      int number,
      Instant now,
      PendingApproval held,
      String approvedBy) {
    Optional<Verdict.Approved> granted =
        held == null
            ? Optional.empty()
            : Optional.of(new Verdict.Approved(held.action(), approvedBy));
    ValidationContext context =
        new ValidationContext(state.runId, number, config.tools(), state.stats(), now, granted);
    verdictStep = number;
    verdictAt = now;
    List<VerdictRecord> reached = chain.check(proposal, context, verdicts);
    Verdict last = reached.isEmpty() ? Verdict.allow() : reached.get(reached.size() - 1).verdict();
    if (last instanceof Verdict.Deferred deferred) {
      LOG.info("proposal of '{}' waits for a person's approval", proposal.tool());
      return StepOutcome.end(Ending.awaiting(deferred.request()));
    }
    if (last instanceof Verdict.Deny deny) {
      LOG.info("proposal of '{}' denied: {}", proposal.tool(), deny.code());
      return StepOutcome.NEXT;
    }
    if (last instanceof Verdict.Stop stop) {
      LOG.info("proposal of '{}' stopped the run: {}", proposal.tool(), stop.code());
      return StepOutcome.end(Ending.of(stop));
    }
    Tool tool = config.tools().find(proposal.tool()).orElseThrow();
    ToolCall call = new ToolCall(proposal.tool(), proposal.arguments(), proposal.goal());
    if (held != null) {
      Optional<VerdictRecord> voided =
          ApprovalChecks.voiding(held, tool, call, state.runId, number, now);
      if (voided.isPresent()) {
        LOG.info("the approval of '{}' no longer holds: {}", call.tool(), voided.get());
        recordVerdict(voided.get());
        return StepOutcome.NEXT;
      }
    }
    return execute(number, call, tool);
  }

  /**
   * Journals the intent to run {@code call} in step {@code number} and, only if that worked, runs
   * it once and records its outcome; ends the run if the intent could not be journaled.
   */
  StepOutcome execute(int number, ToolCall call, Tool tool) {
    Instant toolStart = config.clock().instant();
    ToolContext context = context(number, tool, toolStart);
    if (recorder.broken()
        || !recorder.record(new RunEvent.ToolStarting(state.runId, number, toolStart, call))) {
      inFlight.close();
      LOG.error("the intent to run '{}' was not journaled; the tool was not run", call.tool());
      recorder.refuse(
          Result.failure(
              ErrorCodes.JOURNAL_FAILED,
              "the intent to run tool '"
                  + call.tool()
                  + "' could not be journaled; it did not run"),
          config.clock().instant());
      return StepOutcome.end(Ending.JOURNAL_LOST);
    }
    Result result;
    try {
      result = invoker.invoke(tool, call, context, track);
    } finally {
      inFlight.close();
    }
    Instant toolEnd = config.clock().instant();
    recorder.record(
        new RunEvent.ToolFinished(
            state.runId,
            number,
            toolEnd,
            call.tool(),
            result,
            Durations.micros(toolStart, toolEnd)));
    return StepOutcome.NEXT;
  }

  /**
   * Asks {@code tool}'s read-only {@link Tool#checkOutcome} whether {@code call} of step {@code
   * number} took effect; empty if it offers no check or the check failed.
   */
  Optional<JsonValue> check(Tool tool, ToolCall call, int number) {
    Tool probe =
        new Tool() {
          @Override
          public ToolSpec spec() {
            return tool.spec();
          }

          @Override
          public Result execute(ToolCall c, ToolContext context) {
            return tool.checkOutcome(c, context)
                .<Result>map(Result.Success::new)
                .orElseGet(() -> Result.failure("NO_CHECK", "the tool offers no check"));
          }
        };
    Result result;
    try {
      result =
          invoker.invoke(probe, call, context(number, tool, config.clock().instant()), f -> {});
    } finally {
      inFlight.close();
    }
    return result instanceof Result.Success success
        ? Optional.of(success.result())
        : Optional.empty();
  }

  private void recordVerdict(VerdictRecord verdict) {
    if (verdict.verdict() instanceof Verdict.Deferred deferred) {
      // The question is the fact: journaled once, as the request a person answers later.
      recorder.record(
          new RunEvent.ApprovalRequested(
              state.runId, verdictStep, verdictAt, verdict.validator(), deferred.request()));
      return;
    }
    recorder.record(new RunEvent.VerdictIssued(state.runId, verdictStep, verdictAt, verdict));
  }

  private ToolContext context(int number, Tool tool, Instant now) {
    Duration timeout = tool.spec().timeout().orElse(config.toolTimeout());
    Instant end = now.plus(timeout);
    return new ToolContext(
        state.runId,
        number,
        end.isBefore(state.deadline) ? end : state.deadline,
        inFlight.open(),
        config.clock());
  }
}
