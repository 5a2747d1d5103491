package dev.xct.core.validate;

import static dev.xct.core.validate.Contexts.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalPreviewTest {
  private static final Policy ASK_ALL = Policy.builder().ask("**").build();

  @Test
  void theApproverSeesTheDiffTheToolPreviews() {
    FakeTool write =
        FakeTool.destructive(
            "fs.write",
            (call, context) ->
                Optional.of(
                    JsonValue.from(
                        Map.of(
                            "diff",
                            "--- a/"
                                + call.arguments()
                                    .get("path")
                                    .orElseThrow()
                                    .asString()
                                    .orElseThrow()
                                + "\n+++ b\n-old\n+new\n"))));
    RecordingApprover approver = RecordingApprover.approving();
    Validators.policy(ASK_ALL, approver)
        .check(
            propose("fs.write", "{\"path\":\"notes.txt\",\"text\":\"new\"}"), Contexts.of(write));
    assertThat(approver.requests).singleElement();
    assertThat(approver.requests.get(0).preview())
        .isEqualTo(JsonValue.from(Map.of("diff", "--- a/notes.txt\n+++ b\n-old\n+new\n")));
  }

  @Test
  void thePreviewRunsInAContextOfTheSameRunAndStepWithAShortDeadline() {
    FakeTool write = FakeTool.destructive("fs.write");
    Validators.approveDestructive(RecordingApprover.approving())
        .check(propose("fs.write"), Contexts.of(write));
    assertThat(write.previewContexts).hasSize(1);
    ToolContext context = write.previewContexts.get(0);
    assertThat(context.runId()).isEqualTo("run-1");
    assertThat(context.step()).isEqualTo(3);
    assertThat(context.clock().instant()).isEqualTo(Contexts.NOW);
    assertThat(context.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(context.isCancelled()).isFalse();
    assertThat(write.executed).isEmpty();
  }

  @Test
  void aPreviewThatThrowsLeavesTheRequestWithoutAPreviewAndStillAsks() {
    FakeTool write =
        FakeTool.destructive(
            "fs.write",
            (call, context) -> {
              throw new IllegalStateException("disk on fire");
            });
    RecordingApprover approver = RecordingApprover.approving();
    Verdict verdict =
        Validators.policy(ASK_ALL, approver).check(propose("fs.write"), Contexts.of(write));
    assertThat(verdict).isInstanceOf(Verdict.Approved.class);
    assertThat(approver.requests).singleElement();
    assertThat(approver.requests.get(0).preview()).isEqualTo(JsonValue.nullValue());
  }

  @Test
  void aPreviewThatReturnsNullIsTreatedAsNoPreview() {
    FakeTool write = FakeTool.destructive("fs.write", (call, context) -> null);
    RecordingApprover approver = RecordingApprover.approving();
    Validators.approveDestructive(approver).check(propose("fs.write"), Contexts.of(write));
    assertThat(approver.requests.get(0).preview().isNull()).isTrue();
  }
}
