package dev.xct.cli.internal.agent;

import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.Approver;

/** Creates the approvers that stand in for a person where there is none. */
public final class Approvals {
  private Approvals() {}

  /** Says what to answer when a rule asks for approval and nobody can be asked. */
  public enum Answer {
    /** Deny, telling the model nobody could approve. */
    DENY,
    /** Approve, as an operator who says yes to everything would (for testing the steps after). */
    APPROVE,
    /** Stop the run. */
    STOP
  }

  /** Returns an approver that always gives {@code answer}, explaining that nobody was asked. */
  public static Approver unattended(Answer answer, String why) {
    return request ->
        switch (answer) {
          case APPROVE -> ApprovalDecision.approve(request, "xct --approve=approve");
          case STOP -> ApprovalDecision.stop(why + "; the run stops (--approve=stop)");
          case DENY -> ApprovalDecision.deny(why + "; the action was not approved");
        };
  }
}
