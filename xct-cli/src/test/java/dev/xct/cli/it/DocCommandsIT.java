package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code docs/cli.md} and the README show of {@code xct} is what the jar does: every {@code
 * ./xct} command in their shell examples runs, in a copy of the repository's policies, and ends the
 * way the page says; the journal line the page shows is the one a replay writes, byte for byte;
 * every exit code a command's {@code --help} lists is in the page's table, for that command.
 */
class DocCommandsIT {
  private static final Path ROOT = Path.of("..");
  private static final Path CLI_PAGE = ROOT.resolve("docs").resolve("cli.md");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DONE = "{\"done\":true,\"message\":\"read the build\"}";

  @TempDir Path repo;

  /** Returns every {@code ./xct} command of the pages' {@code bash} blocks, comments removed. */
  static Stream<String> documentedCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    for (Path page : List.of(CLI_PAGE, ROOT.resolve("README.md"))) {
      boolean bash = false;
      for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
        if (line.startsWith("```")) {
          bash = line.equals("```bash");
        } else if (bash && line.startsWith("./xct ")) {
          commands.add(line.replaceAll("\\s+#.*$", "").strip());
        }
      }
    }
    return commands.stream();
  }

  /** Splits a command line as the shell would, for the quoting the pages use. */
  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
    while (word.find()) {
      words.add(word.group(1) != null ? word.group(1) : word.group(2));
    }
    return words.subList(1, words.size());
  }

  /** Returns the JSON block that follows {@code anchor} on the page. */
  private static String block(String anchor) throws IOException {
    String page = Files.readString(CLI_PAGE, StandardCharsets.UTF_8);
    int start = page.indexOf("```json\n", page.indexOf(anchor)) + "```json\n".length();
    return page.substring(start, page.indexOf("```", start));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedCommands")
  void everyDocumentedCommandRunsAsThePageSays(String command) throws IOException {
    copyPolicies();
    Files.writeString(repo.resolve("README.md"), "# A project\n\nBuilt with Maven.\n");
    Files.writeString(repo.resolve("replies.jsonl"), block("**Replies file.**"));
    List<String> args = words(command);
    int policy = args.indexOf("--policy") + 1;
    String file = policy > 0 ? args.get(policy) : args.get(args.size() - 1);
    if (file.endsWith(".yaml")) {
      String missing = ShippedPoliciesIT.missingHere(repo.resolve(file));
      assumeTrue(missing.isEmpty(), missing);
    }

    Xct.Outcome outcome;
    try (LoopbackModel model = LoopbackModel.replying(List.of(DONE))) {
      outcome =
          Xct.run(
              repo,
              args.get(0).equals("run") ? model.environment() : Map.of(),
              args.toArray(String[]::new));
    }

    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    switch (args.get(0)) {
      case "policy" -> assertThat(outcome.out()).contains("✓ " + file + " is a valid policy");
      case "run" -> assertThat(outcome.out()).contains("DONE after 1 step");
      case "replay" -> assertJournalAsDescribed(repo.resolve(args.get(args.size() - 1)));
      default -> assertThat(outcome.out()).contains("DONE");
    }
  }

  /** The order and members the page gives the journal's lines. */
  private static void assertJournalAsDescribed(Path journal) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).isNotEmpty();
    assertThat(lines)
        .allSatisfy(
            line -> assertThat(line.propertyNames()).contains("type", "run_id", "step", "at"));
    List<String> types = lines.stream().map(line -> line.get("type").asString()).toList();
    assertThat(types.get(0)).isEqualTo("run_started");
    assertThat(types.get(types.size() - 1)).isEqualTo("run_ended");
    assertThat(String.join(" ", types.subList(1, types.size() - 1)))
        .matches("(model_replied( verdict)*( tool_starting tool_finished)? step_completed ?)+");
  }

  @Test
  void theJournalLineThePageShowsIsWhatAReplayWrites() throws IOException {
    String reply =
        "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"../escaped.txt\","
            + "\"content\":\"x\"},\"goal\":\"save the notes\"}}";
    Files.createDirectory(repo.resolve("workspace"));
    Files.writeString(
        repo.resolve("policy.yaml"),
        "version: 1\nroots: [{path: ., access: read-write}]\ntools: [\"fs.*\"]\n"
            + "rules: [{allow: \"fs.*\"}]\n");
    ReplayIT.writeReplies(repo.resolve("replies.jsonl"), List.of(reply, DONE));

    Xct.Outcome replay = Xct.replay(repo, "replies.jsonl", "--journal", "run.jsonl");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    String written =
        Files.readAllLines(repo.resolve("run.jsonl"), StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("{\"type\":\"step_completed\""))
            .findFirst()
            .orElseThrow();
    assertThat(Files.readString(CLI_PAGE, StandardCharsets.UTF_8)).contains("The reply `" + reply);
    assertThat(block("ends its step with this line").strip()).isEqualTo(written);
  }

  @ParameterizedTest(name = "xct {0} --help")
  @ValueSource(
      strings = {
        "demo",
        "run",
        "replay",
        "policy check",
        "approvals list",
        "approve",
        "deny",
        "mcp serve"
      })
  void everyExitCodeACommandListsIsInThePagesTableForThatCommand(String command)
      throws IOException {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");
    Xct.Outcome help = Xct.run(repo, args.toArray(String[]::new));
    String table = Files.readString(CLI_PAGE, StandardCharsets.UTF_8);
    String name = "`" + command + "`";

    String codes = help.out().substring(help.out().indexOf("Exit codes:"));
    Matcher listed = Pattern.compile("(?m)^\\s+(\\d+)\\s").matcher(codes);
    int count = 0;
    while (listed.find()) {
      count++;
      Matcher row =
          Pattern.compile("(?m)^\\| " + listed.group(1) + " \\|.*\\| ([^|]*) \\|$").matcher(table);
      assertThat(row.find()).as("exit %s is in the table", listed.group(1)).isTrue();
      assertThat(row.group(1))
          .as("the table's row for exit %s names %s", listed.group(1), command)
          .satisfiesAnyOf(
              producers -> assertThat(producers).contains(name),
              producers -> assertThat(producers).startsWith("every command"));
    }
    assertThat(count).as(help.all()).isPositive();
  }

  private void copyPolicies() throws IOException {
    Path policies = Files.createDirectory(repo.resolve("policies"));
    try (Stream<Path> files = Files.list(ROOT.resolve("policies"))) {
      for (Path file : files.toList()) {
        Files.copy(file, policies.resolve(file.getFileName()));
      }
    }
  }
}
