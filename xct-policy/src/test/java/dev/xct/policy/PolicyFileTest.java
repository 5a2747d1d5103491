package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Condition;
import dev.xct.core.validate.PolicyRule;
import dev.xct.tools.fs.HardLinkPolicy;
import dev.xct.tools.shell.Presets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyFileTest {
  private static final String FULL =
      """
      version: 1
      description: everything
      roots:
        - path: .
          access: read-write
        - path: /var/log
      tools: ["fs.*", "shell.exec"]
      rules:
        - id: secrets
          deny: fs.**
          when:
            /path: { glob: "**.env" }
          reason: no secrets
        - allow: fs.read
        - ask: shell.exec
          when:
            argv/0: systemctl
            /timeout_ms: { le: 1000, exists: true }
      approval: ask-rules
      budgets:
        max_steps: 7
        max_consecutive_errors: 2
        max_duration: 90s
        tool_quotas: { fs.write: 3 }
      tool_timeout: PT5S
      shell:
        programs:
          - preset: git
      """;

  @Test
  void everyFieldMapsOntoCoresTypes() {
    PolicyFile file = PolicyFile.parse(FULL, "p.yaml", false);

    assertThat(file.description()).isEqualTo("everything");
    assertThat(file.roots())
        .containsExactly(
            new Root(".", Root.Access.READ_WRITE), new Root("/var/log", Root.Access.READ_ONLY));
    assertThat(file.tools()).containsExactly("fs.*", "shell.exec");
    List<PolicyRule> rules = file.policy().rules();
    assertThat(rules).extracting(PolicyRule::id).containsExactly("secrets", "rule-2", "rule-3");
    assertThat(rules)
        .extracting(PolicyRule::effect)
        .containsExactly(PolicyRule.Effect.DENY, PolicyRule.Effect.ALLOW, PolicyRule.Effect.ASK);
    assertThat(rules.get(0).conditions()).containsExactly(Condition.at("/path").glob("**.env"));
    assertThat(rules.get(0).reason()).isEqualTo("no secrets");
    assertThat(rules.get(2).conditions())
        .containsExactly(
            Condition.at("/argv~10").equalsTo("systemctl"),
            Condition.at("/timeout_ms").atMost(1000),
            Condition.at("/timeout_ms").exists());
    assertThat(file.approval()).isEqualTo(ApprovalMode.ASK_RULES);
    assertThat(file.budgets().maxSteps()).isEqualTo(7);
    assertThat(file.budgets().maxConsecutiveErrors()).isEqualTo(2);
    assertThat(file.budgets().maxDuration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(file.budgets().toolQuotas()).isEqualTo(Map.of("fs.write", 3));
    assertThat(file.toolTimeout()).contains(Duration.ofSeconds(5));
    assertThat(file.shell())
        .hasValueSatisfying(
            shell -> {
              assertThat(shell.programs()).containsExactly(Presets.git());
              assertThat(shell.timeout()).isEmpty();
            });
    assertThat(file.fs()).isEqualTo(FsSettings.defaults());
  }

  @Test
  void rulesDecideAsWrittenFirstMatchWinsAndNoMatchDenies() {
    PolicyFile file = PolicyFile.parse(FULL, "p.yaml", false);

    assertThat(file.policy().evaluate("fs.read", JsonValue.parse("{\"path\":\"a/.env\"}")).effect())
        .isEqualTo(PolicyRule.Effect.DENY);
    assertThat(file.policy().evaluate("fs.read", JsonValue.parse("{\"path\":\"a.txt\"}")).effect())
        .isEqualTo(PolicyRule.Effect.ALLOW);
    assertThat(
            file.policy().evaluate("fs.write", JsonValue.parse("{\"path\":\"a.txt\"}")).isDefault())
        .isTrue();
  }

  @Test
  void defaultsApplyToWhatTheFileLeavesOut() {
    PolicyFile file = PolicyFile.parse("version: 1\ntools: []\nrules: []\n", "p.yaml", false);

    assertThat(file.roots()).isEmpty();
    assertThat(file.approval()).isEqualTo(ApprovalMode.ASK_RULES_AND_DESTRUCTIVE);
    assertThat(file.budgets().maxSteps()).isEqualTo(50);
    assertThat(file.toolTimeout()).isEmpty();
    assertThat(file.shell()).isEmpty();
    assertThat(file.policy().rules()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "fs.*, fs.read, true",
    "fs.*, fs.a.b, false",
    "k8s.**, k8s.deployments.delete, true",
    "shell.exec, shell.exec, true",
    "shell.exec, shell.execute, false"
  })
  void toolsGlobsSayWhatIsOffered(String glob, String tool, boolean offered) {
    PolicyFile file =
        PolicyFile.parse("version: 1\ntools: [\"" + glob + "\"]\nrules: []\n", "p.yaml", false);

    assertThat(file.offers(tool)).isEqualTo(offered);
  }

  /** Deadlines are counted in nanoseconds; a longer duration crashed check and run alike. */
  @ParameterizedTest
  @CsvSource({
    "'tool_timeout: PT2562047788015215H', 5, tool_timeout",
    "'budgets: {max_duration: P99999999D}', 5, budgets.max_duration",
    "'shell: {max_timeout: 999999999h, timeout: 1h}', 5, shell.max_timeout",
    "'tool_timeout: P366D', 5, tool_timeout"
  })
  void aDurationLongerThanAYearIsALocatedProblemNotACrash(String line, int at, String field) {
    assertThatThrownBy(
            () ->
                PolicyFile.parse("version: 1\ntools: []\nrules: []\n\n" + line + "\n", "p", false))
        .isInstanceOfSatisfying(
            PolicyFileException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        problem -> {
                          assertThat(problem.line()).isEqualTo(at);
                          assertThat(problem.field()).isEqualTo(field);
                          assertThat(problem.message()).contains("is longer than a year");
                        }));
    assertThat(
            PolicyFile.parse("version: 1\ntools: []\nrules: []\ntool_timeout: P365D\n", "p", false)
                .toolTimeout())
        .contains(Duration.ofDays(365));
  }

  @Test
  void jsonFilesReadTheSameAsYaml() {
    PolicyFile yaml = PolicyFile.parse(FULL, "p.yaml", false);
    String json =
        """
        {"version": 1, "description": "everything",
         "roots": [{"path": ".", "access": "read-write"}, {"path": "/var/log"}],
         "tools": ["fs.*", "shell.exec"],
         "rules": [
           {"id": "secrets", "deny": "fs.**", "when": {"/path": {"glob": "**.env"}}, "reason": "no secrets"},
           {"allow": "fs.read"},
           {"ask": "shell.exec", "when": {"argv/0": "systemctl", "/timeout_ms": {"le": 1000, "exists": true}}}],
         "approval": "ask-rules",
         "budgets": {"max_steps": 7, "max_consecutive_errors": 2, "max_duration": "90s", "tool_quotas": {"fs.write": 3}},
         "tool_timeout": "PT5S",
         "shell": {"programs": [{"preset": "git"}]}}
        """;

    assertThat(PolicyFile.parse(json, "p.json", true)).isEqualTo(yaml);
  }

  @Test
  void problemsCarryLineColumnFieldAndMessage() {
    assertThatThrownBy(
            () -> PolicyFile.parse("version: 1\ntools: []\nrules:\n  - ask: 7\n", "p.yaml", false))
        .isInstanceOfSatisfying(
            PolicyFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo("p.yaml");
              assertThat(e.problems())
                  .containsExactly(
                      new PolicyProblem(
                          4, 5, "rules[0].ask", "expected a string, found a number 7"));
              assertThat(e.getMessage())
                  .isEqualTo("p.yaml:4:5: rules[0].ask: expected a string, found a number 7");
            });
  }

  @Test
  void loadingAMissingFileIsAnIoErrorNotAPolicyProblem(@org.junit.jupiter.api.io.TempDir Path dir) {
    assertThatThrownBy(() -> PolicyFile.load(dir.resolve("missing.yaml")))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("missing.yaml");
  }

  @Test
  void publishedSchemaIsTheOneInTheJar() throws IOException {
    Path published = Path.of("..", "docs", "schema", "policy.schema.json");
    try (InputStream in = PolicyFile.class.getResourceAsStream("policy.schema.json")) {
      assertThat(in).isNotNull();
      assertThat(Files.readString(published))
          .isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(PolicyFile.jsonSchema());
    }
  }

  @Test
  void shellAndFsSectionsBecomeTheToolModulesSettings() {
    PolicyFile file =
        PolicyFile.parse(
            """
            version: 1
            tools: ["shell.exec"]
            rules: []
            fs:
              deny: ["secrets/**"]
              deny_write: ["*.lock"]
              follow_symlinks: false
              max_read_bytes: 4096
            shell:
              timeout: 5s
              max_output_bytes: 1000
              programs:
                - preset: git
                  subcommands: [status]
                - name: mytool
                  subcommands: [test]
                  operands_are_paths: false
                  denied_options:
                    "-f": only the workspace's own Makefile
            """,
            "p.yaml",
            false);

    assertThat(file.fs().deny()).containsExactly("secrets/**");
    assertThat(file.fs().denyWrite()).containsExactly("*.lock");
    assertThat(file.fs().followSymlinks()).isFalse();
    assertThat(file.fs().maxReadBytes()).hasValue(4096);
    ShellSettings shell = file.shell().orElseThrow();
    assertThat(shell.timeout()).contains(Duration.ofSeconds(5));
    assertThat(shell.maxOutputBytes()).hasValue(1000);
    assertThat(shell.programs()).extracting(p -> p.name()).containsExactly("git", "mytool");
    assertThat(shell.programs().get(1).deniedOptions())
        .containsEntry("-f", "only the workspace's own Makefile");
    assertThat(shell.programs().get(1).operandsArePaths()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"refuse, REFUSE", "refuse-writes, REFUSE_WRITES", "allow, ALLOW"})
  void hardLinksInTheFsSectionChooseTheFileToolsHardLinkPolicy(
      String value, HardLinkPolicy policy) {
    PolicyFile file =
        PolicyFile.parse(
            "version: 1\ntools: []\nrules: []\nfs:\n  hard_links: " + value + "\n",
            "p.yaml",
            false);

    assertThat(file.fs().hardLinks()).isEqualTo(policy);
  }

  @Test
  void hardLinkedFilesAreRefusedWhenTheFileSaysNothing() {
    PolicyFile file =
        PolicyFile.parse("version: 1\ntools: []\nrules: []\nfs:\n  deny: [a]\n", "p.yaml", false);

    assertThat(file.fs().hardLinks()).isEqualTo(HardLinkPolicy.REFUSE);
    assertThat(FsSettings.defaults().hardLinks()).isEqualTo(HardLinkPolicy.REFUSE);
  }

  @Test
  void malformedDenyGlobsAreLocatedProblemsQuotingTheGlob() {
    assertThatThrownBy(
            () ->
                PolicyFile.parse(
                    """
                    version: 1
                    tools: []
                    rules: []
                    fs:
                      deny: ["*.pem", "{a,b"]
                      deny_write: ['secrets\\keys']
                    """,
                    "p.yaml",
                    false))
        .isInstanceOfSatisfying(
            PolicyFileException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(p -> p.line() + " " + p.field())
                  .containsExactly("5 fs.deny[1]", "6 fs.deny_write[0]");
              assertThat(e.problems().get(0).message()).contains("'{a,b'", "unclosed");
              assertThat(e.problems().get(1).message()).contains("'secrets\\keys'", "escapes 'k'");
            });
  }

  @Test
  void anUnknownHardLinksValueIsALocatedProblem() {
    assertThatThrownBy(
            () ->
                PolicyFile.parse(
                    "version: 1\ntools: []\nrules: []\nfs:\n  hard_links: refuse_writes\n",
                    "p.yaml",
                    false))
        .isInstanceOfSatisfying(
            PolicyFileException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new PolicyProblem(
                            5,
                            3,
                            "fs.hard_links",
                            "found \"refuse_writes\"; expected one of \"refuse\","
                                + " \"refuse-writes\", \"allow\"")));
  }

  @Test
  void shellProgramsTheToolWouldRejectAreLocatedProblems() {
    assertThatThrownBy(
            () ->
                PolicyFile.parse(
                    """
                    version: 1
                    tools: []
                    rules: []
                    shell:
                      programs:
                        - preset: git
                        - name: mytool
                          flags: ["--bad option"]
                        - preset: git
                        - flags: ["-x"]
                    """,
                    "p.yaml",
                    false))
        .isInstanceOfSatisfying(
            PolicyFileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + " " + p.field())
                    .containsExactly(
                        "7 shell.programs[1]", "9 shell.programs[2]", "10 shell.programs[3]"));
  }
}
