package dev.xct.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision;
import dev.xct.core.tool.ToolSpec;
import org.junit.jupiter.api.Test;

class ActionDigestTest {

  @Test
  void equalArgumentsInAnyMemberOrderHaveTheSameDigest() {
    assertThat(ActionDigest.of("fs.write", JsonValue.parse("{\"path\":\"a\",\"text\":\"b\"}")))
        .isEqualTo(ActionDigest.of("fs.write", JsonValue.parse("{\"text\":\"b\",\"path\":\"a\"}")));
  }

  @Test
  void anotherToolOrOtherArgumentsGiveAnotherDigest() {
    ActionDigest digest = ActionDigest.of("fs.write", JsonValue.parse("{\"path\":\"a\"}"));
    assertThat(ActionDigest.of("fs.delete", JsonValue.parse("{\"path\":\"a\"}")))
        .isNotEqualTo(digest);
    assertThat(ActionDigest.of("fs.write", JsonValue.parse("{\"path\":\"b\"}")))
        .isNotEqualTo(digest);
    assertThat(ActionDigest.of("fs.write", JsonValue.parse("{\"path\":\"a\",\"x\":null}")))
        .isNotEqualTo(digest);
  }

  @Test
  void digestsAreSixtyFourLowerCaseHexDigits() {
    assertThat(ActionDigest.of("fs.read", JsonValue.emptyObject()).hex()).matches("[0-9a-f]{64}");
    assertThatThrownBy(() -> new ActionDigest("ABC")).isInstanceOf(XctException.class);
  }

  @Test
  void anApprovalMadeFromARequestIsBoundToThatRequestsAction() {
    Decision.Proposal proposal =
        Decision.propose("fs.delete", JsonValue.parse("{\"path\":\"a\"}"), "");
    ActionDigest action = ActionDigest.of(proposal.tool(), proposal.arguments());
    ApprovalRequest request =
        new ApprovalRequest(
            "run-1",
            1,
            proposal,
            ToolSpec.builder("fs.delete").destructive().build(),
            action,
            "destructive",
            JsonValue.nullValue());
    assertThat(ApprovalDecision.approve(request, "alice"))
        .isEqualTo(new ApprovalDecision.Approve(action, "alice"));
  }
}
