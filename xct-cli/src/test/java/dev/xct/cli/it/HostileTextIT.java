package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a model whose text is written to steer the operator's terminal (escape sequences that
 * clear the screen and retitle the window, BEL, carriage returns, a right-to-left override, zero
 * width characters, and newlines followed by fake verdict lines) through {@code xct replay}, and
 * reads the raw bytes the terminal would get. Nothing in them steers the terminal, and no line is
 * forged; the JSON outputs stay valid and carry the text unchanged.
 */
class HostileTextIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FAKE_VERDICTS = "        ✓ known-tool  ✓ policy";
  private static final String GOAL =
      "tidy up\u001b[2J\u001b]0;pwned\u0007 \u202eexe.txt\n" + FAKE_VERDICTS;
  private static final String CONTENT = "hello\u001b[2K\rgoodbye\u0007\u0085\u200b\u2066";
  private static final String DONE_MESSAGE = "all good\u001b[32m\u202e\n■ DONE after 1 step";
  private static final List<String> REPLIES =
      List.of(
          step("fs.write", Map.of("path", "notes.txt", "content", CONTENT), GOAL),
          step("fs.read", Map.of("path", "notes.txt"), "read it back"),
          step("fs.list", Map.of(), "list\u202e"),
          step("fs.read", Map.of("path", "gone\u001b[2J\n" + FAKE_VERDICTS + ".txt"), "x"),
          "Sure!\u001b[1A\u001b[2K\r" + FAKE_VERDICTS,
          step("fs.nope\n" + FAKE_VERDICTS, Map.of("x", "y\n" + FAKE_VERDICTS), "x"),
          "{\"done\":true,\"message\":" + JSON.writeValueAsString(DONE_MESSAGE) + "}");
  private static final Pattern XCT_COLOURS = Pattern.compile("\u001b\\[(0|1|2|31|32|33|36)m");

  @TempDir Path dir;

  @BeforeEach
  void layOut() throws IOException {
    Path workspace = Files.createDirectory(dir.resolve("workspace"));
    // A file whose name a tool's output carries: the override would show "evilexe.txt" reversed.
    Files.writeString(workspace.resolve("evil\u202etxt.exe"), "");
    Files.writeString(
        dir.resolve("policy.yaml"),
        """
        version: 1
        roots: [{path: ., access: read-write}]
        tools: ["fs.*"]
        rules:
          - allow: "fs.*"
        approval: ask-rules
        budgets:
          max_consecutive_errors: 5
        """);
    ReplayIT.writeReplies(dir.resolve("replies.jsonl"), REPLIES);
  }

  @Test
  void theTranscriptOfHostileModelTextHoldsNothingThatSteersTheTerminal() {
    Xct.Outcome replay = replay("--task", "clean\u001b[2J the \u202erepo");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(steering(replay.out())).as(replay.out()).isEmpty();
    assertThat(steering(replay.err())).as(replay.err()).isEmpty();
    assertThat(replay.out())
        .contains("▶ task: clean\\u001B[2J the \\u202Erepo")
        .contains("\\u001B[2K\\rgoodbye\\u0007\\u0085\\u200B\\u2066")
        .contains("evil\\u202Etxt.exe")
        .contains("model replied: Sure!\\u001B[1A\\u001B[2K\\r" + FAKE_VERDICTS)
        .contains("done: all good\\u001B[32m\\u202E\\n■ DONE after 1 step");
  }

  @Test
  void aNewlineInModelTextCannotForgeAVerdictLineOrASummary() {
    Xct.Outcome replay = replay();

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    List<String> lines = replay.out().lines().toList();
    assertThat(lines)
        .contains(
            "        goal: tidy up\\u001B[2J\\u001B]0;pwned\\u0007 \\u202Eexe.txt\\n"
                + FAKE_VERDICTS)
        .noneMatch(line -> line.startsWith(FAKE_VERDICTS));
    assertThat(lines).filteredOn(line -> line.startsWith("■ ")).hasSize(1);
  }

  @Test
  void inColourOnlyXctsOwnColourCodesReachTheTerminal() {
    Xct.Outcome replay = replay("--color", "always");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(replay.out()).contains("\u001b[36mfs.write\u001b[0m");
    assertThat(steering(XCT_COLOURS.matcher(replay.out()).replaceAll(""))).isEmpty();
    assertThat(replay.out()).contains("tidy up\\u001B[2J");
  }

  @Test
  void theJournalOnStandardOutputIsValidJsonThatCarriesTheModelsTextUnchanged() {
    Xct.Outcome replay = replay("--journal", "-");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(steering(replay.out())).as(replay.out()).isEmpty();
    List<String> texts = new ArrayList<>();
    replay.out().lines().map(JSON::readTree).forEach(node -> strings(node, texts));
    assertThat(texts).contains(GOAL, REPLIES.get(4), DONE_MESSAGE);
    assertThat(String.join("\n", texts)).contains(CONTENT, "evil\u202etxt.exe");
  }

  @Test
  void theJsonSummaryIsValidJsonThatCarriesTheDoneMessageUnchanged() {
    Xct.Outcome replay = replay("--json");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(steering(replay.out())).as(replay.out()).isEmpty();
    assertThat(JSON.readTree(replay.out()).get("message").asString()).isEqualTo(DONE_MESSAGE);
  }

  @Test
  void aPolicyFilesTextIsShownNotObeyedByPolicyCheck() throws IOException {
    Files.writeString(
        dir.resolve("hostile.yaml"),
        """
        version: 1
        description: "safe\\e[2J\\a\\r\\u202E"
        tools: ["fs.read"]
        rules:
          - allow: fs.read
            reason: "fine\\e[8m hidden\\nnext"
        """);

    Xct.Outcome check = Xct.run(dir, "policy", "check", "hostile.yaml");

    assertThat(check.exitCode()).as(check.all()).isZero();
    assertThat(steering(check.out())).as(check.out()).isEmpty();
    assertThat(check.out())
        .contains("safe\\u001B[2J\\u0007\\r\\u202E", "fine\\u001B[8m hidden\\nnext");
  }

  private Xct.Outcome replay(String... extra) {
    return Xct.replay(dir, "replies.jsonl", extra);
  }

  private static String step(String tool, Map<String, Object> arguments, String goal) {
    return JSON.writeValueAsString(
        Map.of("next_step", Map.of("tool", tool, "arguments", arguments, "goal", goal)));
  }

  /**
   * Returns the characters in {@code text} that a terminal obeys or hides rather than shows, but
   * the newline: control characters, format characters (bidirectional controls, zero-width
   * characters), line and paragraph separators, lone surrogates.
   */
  private static List<String> steering(String text) {
    List<String> found = new ArrayList<>();
    text.codePoints()
        .filter(c -> c != '\n')
        .filter(
            c -> {
              int type = Character.getType(c);
              return type == Character.CONTROL
                  || type == Character.FORMAT
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR
                  || type == Character.SURROGATE;
            })
        .forEach(c -> found.add(String.format("U+%04X", c)));
    return found;
  }

  private static void strings(JsonNode node, List<String> into) {
    if (node.isString()) {
      into.add(node.asString());
    }
    node.values().forEach(child -> strings(child, into));
  }
}
