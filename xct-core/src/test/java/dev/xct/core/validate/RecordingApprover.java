package dev.xct.core.validate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real approver for tests: answers with a function of the request and records every request. */
final class RecordingApprover implements Approver {
  private final Function<ApprovalRequest, ApprovalDecision> answer;
  final List<ApprovalRequest> requests = new CopyOnWriteArrayList<>();

  private RecordingApprover(Function<ApprovalRequest, ApprovalDecision> answer) {
    this.answer = answer;
  }

  static RecordingApprover approving() {
    return new RecordingApprover(request -> ApprovalDecision.approve(request, "alice"));
  }

  static RecordingApprover denying(String reason) {
    return new RecordingApprover(request -> ApprovalDecision.deny(reason));
  }

  static RecordingApprover stopping(String reason) {
    return new RecordingApprover(request -> ApprovalDecision.stop(reason));
  }

  static RecordingApprover answering(Function<ApprovalRequest, ApprovalDecision> answer) {
    return new RecordingApprover(answer);
  }

  @Override
  public ApprovalDecision decide(ApprovalRequest request) {
    requests.add(request);
    return answer.apply(request);
  }
}
