package dev.xct.tools.fs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The glob dialect itself is tested in core's {@code GlobTest}; here, how deny rules apply it. */
class DenyRulesTest {
  @Test
  void denyRulesFoldCaseUnicodeAndTrailingDotsAndCoverDescendants() {
    DenyRules rules = DenyRules.compile(List.of(".env", "*.pem"), List.of(".git"));

    assertThat(rules.denied(List.of(".ENV"), false)).contains(".env");
    assertThat(rules.denied(List.of("a", ".env. "), false)).contains(".env");
    assertThat(rules.denied(List.of("\uFF0Eenv"), false)).contains(".env");
    assertThat(rules.denied(List.of("k", "X.PEM"), false)).contains("*.pem");
    assertThat(rules.denied(List.of(".git", "hooks", "pre-commit"), false)).isEmpty();
    assertThat(rules.denied(List.of(".git", "hooks", "pre-commit"), true)).contains(".git");
    assertThat(rules.denied(List.of(".gitignore"), true)).isEmpty();
    assertThat(rules.denied(List.of("environment"), false)).isEmpty();
  }

  @Test
  void bracesAnchoringAndDirectoryFormsApplyToEveryAncestor() {
    DenyRules rules =
        DenyRules.compile(
            List.of("/build/", "{secrets,keys}/**", "**/cache", "\\{tmpl\\}"), List.of());

    assertThat(rules.denied(List.of("build", "out.jar"), false)).contains("/build/");
    assertThat(rules.denied(List.of("a", "build", "out.jar"), false)).isEmpty();
    assertThat(rules.denied(List.of("Keys"), false)).contains("{secrets,keys}/**");
    assertThat(rules.denied(List.of("secrets", "a", "b"), false)).contains("{secrets,keys}/**");
    assertThat(rules.denied(List.of("x", "secrets"), false)).isEmpty();
    assertThat(rules.denied(List.of("cache"), false)).contains("**/cache");
    assertThat(rules.denied(List.of("a", "b", "cache", "c"), false)).contains("**/cache");
    assertThat(rules.denied(List.of("a", "{tmpl}", "x"), false)).contains("\\{tmpl\\}");
  }

  @ParameterizedTest(name = "deny glob \"{0}\" is rejected when the rules are built")
  @ValueSource(strings = {"{a,b", "{a,{b}}", " ", "/", "Secrets\\Keys", "**/***", "trailing\\"})
  void malformedDenyGlobsFailAtBuildTimeQuotingTheGlobAsWritten(String glob) {
    assertThatThrownBy(() -> DenyRules.compile(List.of(), List.of(glob)))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'" + glob + "'");
  }
}
