package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.policy.PolicyProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code xct policy check} passes exactly when {@code xct run} starts with the same file and
 * workspace, for every shipped policy and for fixtures of every way a file can be refused: by its
 * text, or by the tools it describes on this machine. When both refuse, they report the same
 * located problems. All files are checked in one process; each is then run against a loopback model
 * that says done.
 */
class PolicyCheckAgreesWithRunIT {
  private static final String DONE = "{\"done\":true,\"message\":\"started\"}";
  private static final String HEAD =
      "version: 1\nroots: [{path: .}]\ntools: [\"fs.*\", shell.exec]\nrules: []\n";

  /** Fixtures by name: each is valid, or refused in one way. */
  static Map<String, String> fixtures() {
    Map<String, String> fixtures = new LinkedHashMap<>();
    fixtures.put("files-only.yaml", HEAD);
    fixtures.put("shell-preset.yaml", HEAD + "shell:\n  programs: [{preset: ls}, {preset: git}]\n");
    fixtures.put(
        "unconfined.yaml", HEAD + "shell:\n  sandbox: unconfined\n  programs: [{preset: ls}]\n");
    fixtures.put("a-shell.yaml", HEAD + "shell:\n  programs: [{name: sh}]\n");
    fixtures.put("awk.yaml", HEAD + "shell:\n  programs: [{name: awk, flags: [-v]}]\n");
    fixtures.put(
        "missing-program.yaml",
        HEAD + "shell:\n  programs: [{preset: ls}, {name: no-such-program, no_options: true}]\n");
    fixtures.put(
        "missing-root.yaml",
        "version: 1\nroots:\n  - path: .\n  - path: not-here\ntools: [\"fs.*\"]\nrules: []\n");
    fixtures.put(
        "root-holding-the-path.yaml",
        "version: 1\nroots: [{path: /}]\ntools: [shell.exec]\nrules: []\n"
            + "shell:\n  programs: [{preset: ls}]\n");
    fixtures.put(
        "git-and-a-colon.yaml",
        "version: 1\nroots: [{path: \"a:b\"}]\ntools: [shell.exec]\nrules: []\n"
            + "shell:\n  programs: [{preset: git}]\n");
    fixtures.put(
        "timeout-above-max.yaml", HEAD + "shell:\n  timeout: 5m\n  programs: [{preset: ls}]\n");
    fixtures.put("long-tool-timeout.yaml", HEAD + "tool_timeout: PT2562047788015215H\n");
    fixtures.put("long-budget.yaml", HEAD + "budgets: {max_duration: P99999999D}\n");
    fixtures.put(
        "long-shell-timeout.yaml",
        HEAD + "shell:\n  max_timeout: PT2562047788015215H\n  programs: [{preset: ls}]\n");
    fixtures.put(
        "longest-durations.yaml", HEAD + "tool_timeout: 8760h\nbudgets: {max_duration: P365D}\n");
    fixtures.put("bad-syntax.yaml", "version: 1\ntools: [fs.read\nrules: []\n");
    return fixtures;
  }

  static Path dir;
  static Map<String, JsonNode> checks = new LinkedHashMap<>();

  static Stream<String> policies() throws IOException {
    List<String> all = new ArrayList<>(fixtures().keySet());
    Path shipped = Path.of(System.getProperty("xct.examples", "../policies"));
    try (Stream<Path> files = Files.list(shipped)) {
      files.map(f -> f.toAbsolutePath().toString()).sorted().forEach(all::add);
    }
    return all.stream();
  }

  @BeforeAll
  static void checkEveryPolicyInOneProcess(@TempDir Path shared) throws IOException {
    dir = shared;
    Files.createDirectories(dir.resolve("workspace").resolve("a:b"));
    for (Map.Entry<String, String> fixture : fixtures().entrySet()) {
      Files.writeString(dir.resolve(fixture.getKey()), fixture.getValue());
    }
    List<String> args =
        new ArrayList<>(List.of("policy", "check", "--json", "--workspace", "workspace"));
    args.addAll(policies().toList());

    Xct.Outcome check = Xct.run(dir, args.toArray(String[]::new));

    JsonMapper json = JsonMapper.builder().build();
    for (String line : check.out().lines().toList()) {
      JsonNode verdict = json.readTree(line);
      checks.put(verdict.get("file").asString(), verdict);
    }
    assertThat(checks).as(check.all()).hasSize(args.size() - 5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void policyCheckPassesExactlyWhenRunStartsAndBothReportTheSameProblems(String policy)
      throws IOException {
    JsonNode check = checks.get(policy);

    Xct.Outcome run;
    try (LoopbackModel model = LoopbackModel.replying(List.of(DONE))) {
      run =
          Xct.run(
              dir,
              model.environment(),
              "run",
              "--policy",
              policy,
              "--workspace",
              "workspace",
              "start");
    }

    assertThat(run.exitCode() == 0)
        .as("check says %s; run:%n%s", check, run.all())
        .isEqualTo(check.get("valid").asBoolean());
    if (!check.get("valid").asBoolean()) {
      assertThat(run.exitCode()).as(run.all()).isIn(65, 66);
      List<String> located = new ArrayList<>();
      for (JsonNode problem : check.get("problems")) {
        located.add(
            new PolicyProblem(
                    problem.get("line").asInt(),
                    problem.get("column").asInt(),
                    problem.get("field").asString(),
                    problem.get("message").asString())
                .format(policy));
      }
      assertThat(run.err().lines().toList()).as(run.all()).containsAll(located);
    }
  }
}
