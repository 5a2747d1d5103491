package dev.xct.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision;
import dev.xct.core.tool.ToolSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionDigestTest {
  private static final String WRITE_ARGS = "{\"path\":\"/tmp/a\",\"content\":\"hi\"}";

  private static ActionDigest digest(String tool, String arguments) {
    return ActionDigest.of(tool, JsonValue.parse(arguments));
  }

  @Test
  void hashesAVersionTagTheLengthPrefixedNameAndTheCanonicalArguments() {
    // Pinned: approvals recorded by one version must match the next. Computed independently as
    // sha256("xct.action.v1\n" + int32be(8) + "fs.write" + canonical arguments).
    assertThat(digest("fs.write", WRITE_ARGS).hex())
        .isEqualTo("23036744c00cd638a01a90fc4554d2c3d823554b26a7869adf2aa13abfc79859");
  }

  @Test
  void equalArgumentsInAnotherMemberOrderOrNumberSpellingGiveTheSameDigest() {
    assertThat(digest("fs.write", WRITE_ARGS))
        .isEqualTo(digest("fs.write", "{\"content\":\"hi\",\"path\":\"/tmp/a\"}"));
    assertThat(digest("scale", "{\"replicas\":3,\"ratio\":{\"b\":0.50,\"a\":1}}"))
        .isEqualTo(digest("scale", "{\"ratio\":{\"a\":1.0,\"b\":0.5},\"replicas\":3.0}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fs.write|{\"path\":\"/tmp/b\",\"content\":\"hi\"}",
        "fs.write|{\"path\":\"/tmp/a\",\"content\":\"hi \"}",
        "fs.write|{\"path\":\"/tmp/a\",\"content\":\"hi\",\"mode\":null}",
        "fs.write|{\"path\":\"/tmp/a\"}",
        "fs.write|{\"path\":[\"/tmp/a\"],\"content\":\"hi\"}",
        "fs.writes|{\"path\":\"/tmp/a\",\"content\":\"hi\"}",
        "fs.write.x|{\"path\":\"/tmp/a\",\"content\":\"hi\"}",
        "fs|{\"path\":\"/tmp/a\",\"content\":\"hi\"}"
      })
  void anyChangeOfToolOrArgumentsChangesTheDigest(String tool, String arguments) {
    assertThat(digest(tool, arguments)).isNotEqualTo(digest("fs.write", WRITE_ARGS));
  }

  @Test
  void theBoundaryBetweenNameAndArgumentsCannotShift() {
    // Plain concatenation would hash both as "a12" or "a.b12".
    assertThat(digest("a", "12")).isNotEqualTo(digest("a1", "2"));
    assertThat(digest("a.b", "12")).isNotEqualTo(digest("a.b1", "2"));
    // Nor would a NUL separator alone survive names the model made up.
    assertThat(digest("a\u0000", "1")).isNotEqualTo(digest("a", "1"));
  }

  @Test
  void isSixtyFourLowerCaseHexDigits() {
    assertThat(digest("x", "{}").hex()).matches("[0-9a-f]{64}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "23036744C00CD638A01A90FC4554D2C3D823554B26A7869ADF2AA13ABFC79859",
        "23036744c00cd638a01a90fc4554d2c3d823554b26a7869adf2aa13abfc7985",
        "g3036744c00cd638a01a90fc4554d2c3d823554b26a7869adf2aa13abfc79859"
      })
  void refusesAnythingButSixtyFourLowerCaseHexDigits(String hex) {
    assertThatThrownBy(() -> new ActionDigest(hex)).isInstanceOf(XctException.class);
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
