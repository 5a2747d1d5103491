package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolicyCheckIT {
  @TempDir Path dir;

  static Stream<Arguments> badPolicies() {
    return Stream.of(
        Arguments.of(
            "version: 2\ntools: []\nrules: []\n", "p.yaml:1:1: version: found 2; expected 1"),
        Arguments.of(
            "version: 1\ntools: []\nrules:\n  - allow: fs.read\n    whenn: {}\n",
            "p.yaml:5:5: rules[0].whenn: unknown field 'whenn'; expected one of: id, allow, deny, ask, when, reason"),
        Arguments.of(
            "version: 1\ntools: [\"FS.read\"]\nrules: []\n",
            "p.yaml:2:9: tools[0]: \"FS.read\" is not a tool glob"),
        Arguments.of("version: 1\ntools: []\n", "p.yaml:1:1: missing required field 'rules'"),
        Arguments.of(
            "version: 1\ntools: []\nrules:\n  - allow: fs.read\n    deny: fs.read\n",
            "p.yaml:4:5: rules[0]: a rule has exactly one of allow, deny or ask; found allow and deny"),
        Arguments.of(
            "version: 1\ntools: []\nrules:\n  - allow: fs.read\n    when:\n      /path: {regex: \"([a-z\"}\n",
            "p.yaml:6:15: rules[0].when[\"/path\"].regex: invalid regular expression"),
        Arguments.of(
            "version: 1\ntools: []\nrules:\n  - allow: fs.read\n    when:\n      /path: {globb: x}\n",
            "p.yaml:6:15: rules[0].when[\"/path\"].globb: unknown field 'globb'; expected one of: equals, one_of, glob"),
        Arguments.of(
            "version: 1\ntools: []\nrules: []\nbudgets:\n  max_steps: 0\n",
            "p.yaml:5:3: budgets.max_steps: "),
        Arguments.of(
            "version: 1\ntools: []\nrules: []\nbudgets:\n  max_duration: ten minutes\n",
            "p.yaml:5:3: budgets.max_duration: \"ten minutes\" is not a duration"),
        Arguments.of(
            "version: 1\ntools: []\nrules: []\nroots:\n  - path: .\n    access: write\n",
            "p.yaml:6:5: roots[0].access: found \"write\"; expected one of \"read-only\", \"read-write\""),
        Arguments.of(
            "version: 1\ntools: []\nrules:\n  - {id: a, allow: x}\n  - {id: a, deny: y}\n",
            "p.yaml:5:6: rules[1].id: duplicate rule id 'a', as rules[0]"),
        Arguments.of(
            "version: 1\ntools: []\ntools: []\nrules: []\n",
            "p.yaml:3:1: duplicate key 'tools' (first given on line 2)"),
        Arguments.of("version: 1\ntools: [fs.read\nrules: []\n", "p.yaml:3:"),
        Arguments.of(
            "version: 1\ntools: []\nrules: []\nshell:\n  programs:\n    - name: mytool\n",
            "p.yaml:6:7: shell.programs[0]: program 'mytool' lists no options and XCT has no profile"),
        Arguments.of(
            "version: 1\ntools: []\nrules: []\nshell:\n  timeout: 5m\n  programs: [{preset: ls}]\n",
            "p.yaml:5:3: shell.timeout: timeout 5m exceeds the default max_timeout 2m"),
        Arguments.of(
            "version: 1\ntools: []\nrules: []\nshell:\n  sandbox: unconfined\n  network: true\n",
            "p.yaml:6:3: shell.network: an unconfined sandbox never restricts the network"),
        Arguments.of("", "p.yaml:1:1: the file is empty"));
  }

  /** Checks every bad policy in one process (one JVM start instead of one per case). */
  @BeforeAll
  static void checkAllBadPolicies(@TempDir Path shared) throws IOException {
    List<String> args = new ArrayList<>(List.of("policy", "check"));
    List<Arguments> cases = badPolicies().toList();
    for (int i = 0; i < cases.size(); i++) {
      Path dir = Files.createDirectory(shared.resolve("case" + i));
      Files.writeString(dir.resolve("p.yaml"), (String) cases.get(i).get()[0]);
      args.add("case" + i + "/p.yaml");
    }
    checked = Xct.run(shared, args.toArray(String[]::new));
  }

  static Xct.Outcome checked;

  @ParameterizedTest(name = "{1}")
  @MethodSource("badPolicies")
  void badPolicyGetsALinePreciseErrorAndNoStackTrace(String yaml, String expected) {
    int index = badPolicies().map(a -> a.get()[1]).toList().indexOf(expected);
    String prefix = "case" + index + "/";

    assertThat(checked.exitCode()).as(checked.all()).isEqualTo(65);
    assertThat(checked.out().lines().filter(line -> line.startsWith(prefix)).findFirst())
        .as(checked.all())
        .hasValueSatisfying(line -> assertThat(line).startsWith(prefix + expected));
    assertThat(checked.out() + checked.err()).doesNotContain("\tat ");
  }

  @Test
  void everyProblemIsReportedAtOnceInFileOrder() throws IOException {
    Files.writeString(
        dir.resolve("p.yaml"), "version: 3\ntools: [Bad]\nrules:\n  - alow: fs.read\n");

    Xct.Outcome check = Xct.run(dir, "policy", "check", "p.yaml");

    assertThat(check.out().lines().toList()).first().asString().startsWith("p.yaml:1:1: version:");
    assertThat(check.out())
        .contains("p.yaml:2:9: tools[0]:")
        .contains("p.yaml:4:5: rules[0].alow:")
        .contains("✗ 3 problems");
  }

  @Test
  void jsonPolicyErrorsAreLocatedToo() throws IOException {
    Files.writeString(
        dir.resolve("p.json"),
        "{\n  \"version\": 1,\n  \"tools\": [],\n  \"rules\": [{\"allow\": 5}]\n}\n");

    Xct.Outcome check = Xct.run(dir, "policy", "check", "p.json", "--json");

    assertThat(check.exitCode()).isEqualTo(65);
    JsonNode verdict = JsonMapper.builder().build().readTree(check.out());
    assertThat(verdict.get("valid").asBoolean()).isFalse();
    JsonNode problem = verdict.get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(4);
    assertThat(problem.get("field").asString()).isEqualTo("rules[0].allow");
    assertThat(problem.get("message").asString()).isEqualTo("expected a string, found a number 5");
  }

  @Test
  void validPolicyIsExplainedRuleByRule() throws IOException {
    Files.writeString(
        dir.resolve("p.yaml"),
        "version: 1\ntools: [\"fs.*\"]\nrules:\n  - allow: fs.read\n  - id: writes\n    ask: fs.write\n    reason: a person looks first\n");

    Xct.Outcome check = Xct.run(dir, "policy", "check", "p.yaml");

    assertThat(check.exitCode()).as(check.all()).isZero();
    assertThat(check.out())
        .contains("✓ p.yaml is a valid policy")
        .contains("1  rule-1  allow fs.read")
        .contains("2  writes  ask   fs.write")
        .contains("a person looks first");
  }

  @Test
  void policyCheckWarnsAboutAnUnconfinedSandbox() throws IOException {
    Files.writeString(
        dir.resolve("p.yaml"),
        "version: 1\ntools: []\nrules: []\nshell:\n  sandbox: unconfined\n  programs: [{preset: ls}]\n");

    Xct.Outcome check = Xct.run(dir, "policy", "check", "p.yaml");

    assertThat(check.exitCode()).as(check.all()).isZero();
    assertThat(check.out())
        .contains("✓ p.yaml is a valid policy")
        .contains("shell:    sandbox: unconfined")
        .contains("! p.yaml:5:3: shell.sandbox: commands run without the OS sandbox")
        .contains("for trusted models only")
        .contains("⚠ 1 warning");
  }

  @Test
  void policyCheckWarnsAboutTheNetworkAndUnvettedProgramsInJsonToo() throws IOException {
    Files.writeString(
        dir.resolve("p.yaml"),
        """
        version: 1
        tools: []
        rules: []
        shell:
          network: true
          programs:
            - preset: ls
            - name: mytool
              unvetted_options_at_own_risk: true
        """);

    Xct.Outcome check = Xct.run(dir, "policy", "check", "p.yaml", "--json");

    assertThat(check.exitCode()).as(check.all()).isZero();
    JsonNode verdict = JsonMapper.builder().build().readTree(check.out());
    assertThat(verdict.get("valid").asBoolean()).isTrue();
    assertThat(verdict.get("problems")).isEmpty();
    assertThat(verdict.get("warnings"))
        .extracting(w -> w.get("line").asInt() + " " + w.get("field").asString())
        .containsExactly("5 shell.network", "9 shell.programs[1].unvetted_options_at_own_risk");
  }

  @Test
  void policyCheckShowsTheSandboxAndHowEachProgramsOptionsAreChecked() throws IOException {
    Files.writeString(
        dir.resolve("p.yaml"),
        """
        version: 1
        tools: []
        rules: []
        shell:
          timeout: 5m
          max_timeout: 10m
          read_only_paths: [/etc/maven]
          programs:
            - preset: git
            - {name: mytool, subcommands: [test], flags: [-k]}
            - {name: uptime, no_options: true, read_only: true}
            - {name: htop, unvetted_options_at_own_risk: true, read_only: true}
        """);

    Xct.Outcome check = Xct.run(dir, "policy", "check", "p.yaml");

    assertThat(check.exitCode()).as(check.all()).isZero();
    assertThat(check.out())
        .contains("shell:    sandbox: bubblewrap (no network)")
        .contains("read-only in the sandbox: /etc/maven")
        .contains("timeout: 5m, at most 10m")
        .containsPattern("git +preset/profiled\\n")
        .containsPattern("mytool +explicit options; may write")
        .containsPattern("uptime +no options\\n")
        .containsPattern("htop +unvetted: options nobody listed reach it\\n")
        .contains("⚠ 1 warning");
  }

  @Test
  void relativeRootsResolveAgainstTheWorkspaceAsInRunAndAMissingOneIsLocated() throws IOException {
    Files.createDirectories(dir.resolve("workspace").resolve("data"));
    Files.writeString(
        dir.resolve("p.yaml"), "version: 1\nroots:\n  - path: data\ntools: []\nrules: []\n");

    Xct.Outcome here = Xct.run(dir, "policy", "check", "p.yaml");
    Xct.Outcome inWorkspace = Xct.run(dir, "policy", "check", "--workspace", "workspace", "p.yaml");

    assertThat(here.exitCode()).as(here.all()).isEqualTo(65);
    assertThat(here.out())
        .startsWith(
            "p.yaml:3:5: roots[0].path: root data ("
                + dir.toRealPath().resolve("data")
                + ") does not exist or is not a directory\n")
        .contains("✗ 1 problem");
    assertThat(inWorkspace.exitCode()).as(inWorkspace.all()).isZero();
  }

  @Test
  void aProgramThisMachineLacksFailsTheCheckAtItsEntry() throws IOException {
    Files.writeString(
        dir.resolve("p.yaml"),
        "version: 1\nroots: [{path: .}]\ntools: []\nrules: []\nshell:\n  programs:\n"
            + "    - preset: ls\n    - {name: no-such-program, no_options: true}\n");

    Xct.Outcome check = Xct.run(dir, "policy", "check", "p.yaml");

    assertThat(check.exitCode()).as(check.all()).isEqualTo(65);
    assertThat(check.out())
        .startsWith(
            "p.yaml:8:7: shell.programs[1]: program 'no-such-program' is not on the PATH"
                + " [/usr/bin, /bin]\n");
  }

  @Test
  void aMissingWorkspaceIsAMissingInput() throws IOException {
    Files.writeString(dir.resolve("p.yaml"), "version: 1\ntools: []\nrules: []\n");

    Xct.Outcome check = Xct.run(dir, "policy", "check", "--workspace", "nowhere", "p.yaml");

    assertThat(check.exitCode()).as(check.all()).isEqualTo(66);
    assertThat(check.err()).contains("workspace nowhere does not exist");
  }

  /** The files are checked as run builds their tools: those this machine can run are valid. */
  @Test
  void shippedExamplePoliciesAreValid() throws IOException {
    Path examples = Path.of(System.getProperty("xct.examples", "../policies"));
    List<String> args = new ArrayList<>(List.of("policy", "check"));
    try (Stream<Path> files = Files.list(examples)) {
      files
          .filter(file -> ShippedPoliciesIT.missingHere(file).isEmpty())
          .map(file -> file.toAbsolutePath().toString())
          .sorted()
          .forEach(args::add);
    }
    assertThat(args).as("read-only-explorer runs anywhere").hasSizeGreaterThanOrEqualTo(3);

    Xct.Outcome check = Xct.run(dir, args.toArray(String[]::new));

    assertThat(check.exitCode()).as(check.all()).isZero();
    assertThat(check.out().lines().filter(line -> line.contains("is a valid policy")))
        .hasSize(args.size() - 2);
    assertThat(check.out())
        .as("shipped policies keep the sandbox, without warnings")
        .doesNotContain("⚠");
  }

  @Test
  void policySchemaPrintsThePublishedSchema() throws IOException {
    Xct.Outcome schema = Xct.run(dir, "policy", "schema");

    assertThat(schema.exitCode()).as(schema.all()).isZero();
    assertThat(schema.out())
        .isEqualTo(Files.readString(Path.of("..", "docs", "schema", "policy.schema.json")));
  }
}
