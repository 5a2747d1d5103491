package dev.xct.core.internal.run;

import dev.xct.core.VerdictRecord;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.StepFold;
import dev.xct.core.journal.ResumePolicy;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the step a resume finds pending: a tool call the crash interrupted (its outcome is
 * reported unknown, or an idempotent call runs again), or a request for a person (the accepted
 * answer is carried out, an expired request is refused, one still standing pauses the run again).
 * Confined to the run's thread.
 */
final class PendingStep {
  private static final Logger LOG = LoggerFactory.getLogger(PendingStep.class);

  private final LoopConfig config;
  private final RunState state;
  private final Recorder recorder;
  private final ToolTurn tools;

  PendingStep(LoopConfig config, RunState state, Recorder recorder, ToolTurn tools) {
    this.config = config;
    this.state = state;
    this.recorder = recorder;
    this.tools = tools;
  }

  /**
   * Settles the step whose intent was journaled but whose outcome was not: reports or re-runs it.
   */
  StepOutcome interrupted(RunEvent.ToolStarting intent) {
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

  /**
   * Settles the step that asked {@code requested} of a person, as {@code pending} holds it: carries
   * out the accepted answer (an approval goes through the whole chain again), refuses an expired
   * request, or pauses again for one that still stands.
   */
  StepOutcome answered(RunEvent.ApprovalRequested requested, StepFold pending) {
    PendingApproval held = requested.request();
    int number = requested.step();
    RunScope.step(number);
    Instant now = config.clock().instant();
    Optional<RunEvent.ApprovalDecided> answer = pending.pendingAnswer();
    if (answer.isEmpty()) {
      if (!held.expiredAt(now)) {
        return StepOutcome.end(Ending.awaiting(held)); // the pause itself was not journaled
      }
      LOG.info("the approval request of step {} expired at {}", number, held.expiresAt());
      recorder.record(new RunEvent.ApprovalExpired(state.runId, number, now, held.action()));
      return verdict(
          number,
          now,
          "approval-expiry",
          Verdict.deny(
              ErrorCodes.APPROVAL_EXPIRED,
              "nobody approved tool '"
                  + held.call().tool()
                  + "' before the request expired at "
                  + held.expiresAt()
                  + "; it did not run",
              Map.of("tool", held.call().tool())));
    }
    String by = answer.get().decidedBy();
    ApprovalDecision decision = answer.get().decision();
    if (decision instanceof ApprovalDecision.Deny deny) {
      String why = deny.reason().isBlank() ? "the approver refused this action" : deny.reason();
      return verdict(
          number,
          now,
          requested.validator(),
          Verdict.deny(
              ErrorCodes.APPROVAL_DENIED,
              why,
              Map.of("tool", held.call().tool(), "decided_by", by)));
    }
    if (decision instanceof ApprovalDecision.Stop stop) {
      String why = stop.reason().isBlank() ? "the approver stopped the run" : stop.reason();
      Verdict.Stop verdict = Verdict.stop(ErrorCodes.APPROVAL_STOPPED, why);
      verdict(number, now, requested.validator(), verdict);
      return StepOutcome.end(Ending.of(verdict));
    }
    ToolCall call = held.call();
    Decision.Proposal proposal =
        pending
            .pendingProposal()
            .orElseGet(() -> Decision.propose(call.tool(), call.arguments(), call.goal()));
    if (!ActionDigest.of(proposal.tool(), proposal.arguments()).equals(held.action())) {
      // Only a journal whose arguments were redacted cannot rebuild the exact action.
      return verdict(
          number,
          now,
          ValidatorChain.BINDING_CHECK,
          Verdict.deny(
              ErrorCodes.APPROVAL_MISMATCH,
              "the approved action cannot be rebuilt exactly from the journal; nothing was run"));
    }
    LOG.info("carrying out the approval {} gave for step {}", by, number);
    return tools.propose(proposal, number, now, held, by);
  }

  private StepOutcome verdict(int number, Instant now, String validator, Verdict verdict) {
    recorder.record(
        new RunEvent.VerdictIssued(
            state.runId, number, now, new VerdictRecord(validator, verdict)));
    return StepOutcome.NEXT;
  }
}
