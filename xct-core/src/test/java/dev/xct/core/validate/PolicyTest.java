package dev.xct.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision;
import dev.xct.core.validate.PolicyRule.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {
  private static final Policy SHELL =
      Policy.builder()
          .rule(
              PolicyRule.deny("shell.exec", Condition.at("/argv/0").oneOf("rm", "dd"))
                  .withId("no-destroy")
                  .withReason("never delete data"))
          .allow("shell.exec", Condition.at("/argv/0").equalsTo("ls"))
          .ask("shell.**")
          .allow("fs.read")
          .allow("fs.*", Condition.at("/path").glob("/tmp/**"))
          .build();

  private static Policy.Match evaluate(Policy policy, String tool, String args) {
    return policy.evaluate(tool, JsonValue.parse(args));
  }

  @Test
  void theFirstMatchingRuleDecidesAndLaterRulesAreNotConsulted() {
    Policy.Match match = evaluate(SHELL, "shell.exec", "{\"argv\":[\"rm\",\"-rf\",\"/\"]}");
    assertThat(match.effect()).isEqualTo(Effect.DENY);
    assertThat(match.rule()).map(PolicyRule::id).contains("no-destroy");
    assertThat(match.isDefault()).isFalse();

    Policy reversed =
        Policy.builder().allow("shell.exec").deny("shell.exec").ask("shell.exec").build();
    assertThat(evaluate(reversed, "shell.exec", "{}").effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void aRuleWhoseConditionsDoNotAllHoldIsSkipped() {
    assertThat(evaluate(SHELL, "shell.exec", "{\"argv\":[\"ls\"]}").rule())
        .map(PolicyRule::id)
        .contains("rule-2");
    assertThat(evaluate(SHELL, "shell.exec", "{\"argv\":[\"cat\"]}").effect())
        .isEqualTo(Effect.ASK);
    Policy both =
        Policy.builder()
            .allow(
                "fs.write",
                Condition.at("/path").glob("/tmp/**"),
                Condition.at("/overwrite").absent())
            .build();
    assertThat(evaluate(both, "fs.write", "{\"path\":\"/tmp/a\"}").effect())
        .isEqualTo(Effect.ALLOW);
    assertThat(evaluate(both, "fs.write", "{\"path\":\"/tmp/a\",\"overwrite\":true}").isDefault())
        .isTrue();
  }

  @Test
  void whatNoRuleMatchesIsDeniedByDefault() {
    Policy.Match match = evaluate(SHELL, "fs.write", "{\"path\":\"/etc/passwd\"}");
    assertThat(match.effect()).isEqualTo(Effect.DENY);
    assertThat(match.isDefault()).isTrue();
    assertThat(match.rule()).isEmpty();
    assertThat(evaluate(SHELL, "http.get", "{}").isDefault()).isTrue();
  }

  @Test
  void anEmptyPolicyDeniesEverything() {
    Policy empty = Policy.builder().build();
    assertThat(empty.rules()).isEmpty();
    assertThat(evaluate(empty, "fs.read", "{}").isDefault()).isTrue();
    assertThat(empty.hasAskRules()).isFalse();
  }

  @Test
  void evaluatingAProposalUsesItsToolAndArguments() {
    Decision.Proposal proposal =
        Decision.propose("fs.write", JsonValue.parse("{\"path\":\"/tmp/x\"}"), "write a file");
    assertThat(SHELL.evaluate(proposal).rule()).map(PolicyRule::id).contains("rule-5");
  }

  @Test
  void unnamedRulesAreNamedAfterTheirPosition() {
    assertThat(SHELL.rules())
        .extracting(PolicyRule::id)
        .containsExactly("no-destroy", "rule-2", "rule-3", "rule-4", "rule-5");
    assertThat(SHELL.rules().get(0).reason()).isEqualTo("never delete data");
  }

  @Test
  void duplicateRuleIdsAreRejectedAtBuildTime() {
    Policy.Builder builder =
        Policy.builder()
            .rule(PolicyRule.allow("fs.read").withId("reads"))
            .rule(PolicyRule.deny("fs.write").withId("reads"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'reads'");
  }

  @Test
  void blankRuleIdsAreRejected() {
    assertThatThrownBy(() -> PolicyRule.allow("fs.read").withId(" "))
        .isInstanceOf(XctException.class);
    assertThatThrownBy(() -> new PolicyRule("\t", Effect.ALLOW, "fs.read", List.of(), ""))
        .isInstanceOf(XctException.class);
  }

  @Test
  void policiesKnowWhetherTheyHaveAskRules() {
    assertThat(SHELL.hasAskRules()).isTrue();
    assertThat(Policy.builder().allow("**").deny("fs.*").build().hasAskRules()).isFalse();
  }

  @Test
  void aBuiltPolicyIsNotChangedByLaterUseOfItsBuilder() {
    Policy.Builder builder = Policy.builder().allow("fs.read");
    Policy first = builder.build();
    builder.deny("fs.write");
    assertThat(first.rules()).hasSize(1);
    assertThat(builder.build().rules()).hasSize(2);
  }

  @Test
  void policiesAreDataComparedByTheirRules() {
    Policy built = Policy.builder().allow("fs.read").ask("k8s.**").build();
    Policy loaded =
        Policy.of(
            List.of(
                new PolicyRule("rule-1", Effect.ALLOW, "fs.read", List.of(), ""),
                new PolicyRule("", Effect.ASK, "k8s.**", List.of(), "")));
    assertThat(built).isEqualTo(loaded).hasSameHashCodeAs(loaded);
    assertThat(built.rules().get(1)).isEqualTo(PolicyRule.ask("k8s.**").withId("rule-2"));
  }

  @Test
  void aDefaultMatchCannotClaimAnythingButDenial() {
    assertThatThrownBy(() -> new Policy.Match(Effect.ALLOW, java.util.Optional.empty()))
        .isInstanceOf(XctException.class);
  }
}
