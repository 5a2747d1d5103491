package dev.xct.temporal.internal;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import dev.xct.temporal.RunSummary;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Holds a paused run until a person answers or the request expires: the wait is {@code
 * Workflow.await} with the expiry as a durable timer, and the answer is settled by core's own
 * resume path ({@code Approvals.decide}, {@code ExecutionLoop.resume}) over the workflow's
 * in-memory journal, so re-validation, expiry and the fingerprint check are core's code. Confined
 * to the workflow thread (signal handlers run on it too).
 */
final class ApprovalWait {
  private static final Logger LOG = Workflow.getLogger(ApprovalWait.class);

  private final WorkflowThread thread;
  private final Consumer<RunEvent> record;
  private final List<RunEvent.ApprovalDecided> answers = new ArrayList<>();
  private Optional<PendingApproval> pending = Optional.empty();

  ApprovalWait(WorkflowThread thread, Consumer<RunEvent> record) {
    this.thread = thread;
    this.record = record;
  }

  /** Returns whether the run waits for a person now. */
  boolean waiting() {
    return pending.isPresent();
  }

  /** Settles every pause of {@code result}'s run, in turn, and says how the run ended. */
  RunSummary settled(ExecutionLoop loop, RunResult result) {
    while (result.status() == RunStatus.AWAITING_APPROVAL) {
      thread.check();
      if (thread.cancelledByTemporal()) {
        return cancelledWhileWaiting(result);
      }
      result = awaitAnswer(loop, result.runId()).orElse(result);
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
    record.accept(
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
    record.accept(
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

  /** Queues an answer signal; a line that is not an answer is dropped with a warning. */
  void offer(String line) {
    try {
      RunEvent.ApprovalDecided decided = (RunEvent.ApprovalDecided) EventParser.parse(line);
      new ApprovalAnswer(decided.action(), decided.decision(), decided.decidedBy()); // validates
      answers.add(decided);
    } catch (RuntimeException e) {
      LOG.warn("dropped an answer that is not an approval_decided line: {}", e.toString());
    }
  }
}
