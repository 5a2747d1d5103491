package dev.xct.cli.internal.demo;

import dev.xct.cli.internal.console.Transcript;
import dev.xct.core.JsonValue;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Approver;
import java.time.Duration;

/**
 * Plays the person on call in the demo: leaves deleting nginx, which the task asked for, to a
 * person who answers later (the run pauses; the demo approves it after a restart), and declines
 * deleting anything else at once, with a reason the model reads. Thread-safe.
 */
final class DemoApprover implements Approver {
  static final String WHO = "demo-operator";
  private final Transcript transcript;

  DemoApprover(Transcript transcript) {
    this.transcript = transcript;
  }

  @Override
  public ApprovalDecision decide(ApprovalRequest request) {
    if (transcript != null) {
      transcript.approvalAsked(request);
    }
    String name =
        request.proposal().arguments().get("name").flatMap(JsonValue::asString).orElse("?");
    if ("nginx".equals(name)) {
      answered("left for the person on call, who answers later; the run pauses");
      return ApprovalDecision.defer(Duration.ofHours(24));
    }
    String reason = "the change request only removes nginx; " + name + " holds data and stays";
    answered("denied by " + WHO + ": " + reason);
    return ApprovalDecision.deny(reason);
  }

  private void answered(String answer) {
    if (transcript != null) {
      transcript.approvalAnswered(answer);
    }
  }
}
