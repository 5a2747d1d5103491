package dev.xct.core.loop;

import dev.xct.core.CancellationToken;
import dev.xct.core.RunStatus;
import dev.xct.core.XctException;
import dev.xct.core.internal.run.LoopConfig;
import dev.xct.core.internal.run.RunEngine;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists the approval requests that runs of a loop's journal wait on, and answers them: from any
 * process that opens the same journal, minutes or days after the run paused with {@link
 * RunStatus#AWAITING_APPROVAL}. Every answer is journaled with who gave it and when; an accepted
 * one resumes the run on the calling thread. An approval lets the run's tool run at most once, and
 * only if the whole validator chain allows the proposal again, the request has not expired, and the
 * tool's fingerprint of its target is unchanged (see docs/approvals.md).
 *
 * <p>Immutable and thread-safe; answering one run twice at once is refused as for {@link
 * ExecutionLoop#resume(String)}.
 */
public final class Approvals {
  private final LoopConfig config;

  Approvals(LoopConfig config) {
    if (config.journal() == null) {
      throw new XctException("approvals live in the journal: configure one on the loop");
    }
    this.config = config;
  }

  /**
   * Returns every request that waits for an answer, oldest first; a request that expired is listed
   * until a resume settles it.
   *
   * @throws XctException if the journal cannot list its runs or a run's records cannot be read
   */
  public List<PendingApproval> pending() {
    return config.journal().runIds().stream()
        .map(this::pending)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(PendingApproval::askedAt))
        .toList();
  }

  /**
   * Returns the request run {@code runId} waits on, if it waits for one.
   *
   * @throws XctException if the run's records cannot be read
   */
  public Optional<PendingApproval> pending(String runId) {
    return RunEngine.pendingApproval(config, Objects.requireNonNull(runId, "runId"));
  }

  /**
   * Answers run {@code runId}'s request; see {@link #decide(String, ApprovalAnswer,
   * CancellationToken)}.
   */
  public ApprovalOutcome decide(String runId, ApprovalAnswer answer) {
    return decide(runId, answer, CancellationToken.create());
  }

  /**
   * Journals {@code answer} to run {@code runId}'s request and, if it is accepted, resumes the run
   * with it until the run ends or pauses again. Refused, with the answer journaled as refused and
   * nothing run: an answer for another action ({@code APPROVAL_MISMATCH}), after the request
   * expired ({@code APPROVAL_EXPIRED}), to a request already answered ({@code
   * APPROVAL_ALREADY_DECIDED}), or to a run that waits for none ({@code APPROVAL_NOT_PENDING}).
   *
   * @throws XctException if the journal holds no such run, its records cannot be read, or the run
   *     is running in this process right now
   */
  public ApprovalOutcome decide(
      String runId, ApprovalAnswer answer, CancellationToken cancellation) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(cancellation, "cancellation");
    return RunEngine.decide(config, runId, answer, cancellation);
  }
}
