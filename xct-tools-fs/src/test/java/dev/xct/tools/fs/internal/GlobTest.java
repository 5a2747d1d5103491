package dev.xct.tools.fs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.XctException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "*.java, A.java, true",
    "*.java, src/a/A.java, true",
    "*.java, A.javax, false",
    "src/*.java, src/A.java, true",
    "src/*.java, src/a/A.java, false",
    "src/**/*.java, src/A.java, true",
    "src/**/*.java, src/a/b/A.java, true",
    "src/**/*.java, lib/src/A.java, false",
    "/build, build, true",
    "/build, a/build, false",
    ".git/**, .git, true",
    ".git/**, .git/config, true",
    ".git/**, a/.git/config, false",
    "?.md, a.md, true",
    "?.md, ab.md, false",
    "'*.{yml,yaml}', ci.yaml, true",
    "'*.{yml,yaml}', ci.json, false",
    "a.b, axb, false",
    "'(x)+', '(x)+', true",
    "**, anything/at/all, true",
    ".env, a/b/.env, true",
    ".env, a.env, false",
    ".env, .env/x, false",
    "id_rsa*, keys/id_rsa.pub, true",
    "id_rsa*, keys/id_rs, false",
    "id_rsa*, id_rsa/x, false",
    "*.pem, a/b.pem, true",
    "*.pem, b.pem/x, false",
    "*.pem, b.pemx, false",
    "'*.{yml,yaml}', a/b/ci.yml, true",
    "'a*b', x/aXXb, true",
    "'a*b', x/aXX/b, false",
  })
  void matchesLikeGitignore(String glob, String path, boolean expected) {
    assertThat(Glob.compile(glob).matches(path)).isEqualTo(expected);
  }

  @Test
  void malformedGlobsAreRejectedAtBuildTime() {
    assertThatThrownBy(() -> Glob.compile("{a,b")).isInstanceOf(XctException.class);
    assertThatThrownBy(() -> Glob.compile("{a,{b}}")).isInstanceOf(XctException.class);
    assertThatThrownBy(() -> Glob.compile(" ")).isInstanceOf(XctException.class);
  }

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
}
