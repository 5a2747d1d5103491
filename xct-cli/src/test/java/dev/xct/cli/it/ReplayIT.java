package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.xct.core.journal.FileJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

class ReplayIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern LONE_SURROGATE = Pattern.compile("[\\uD800-\\uDFFF]");
  private static final String DONE = "{\"done\":true,\"message\":\"finished\"}";
  private static final String POLICY =
      """
      version: 1
      roots:
        - path: .
          access: read-write
      tools: ["fs.*", "shell.*"]
      rules:
        - allow: fs.read
        - allow: fs.list
        - id: release-notes-need-approval
          ask: fs.write
          when:
            /path: release-notes.md
        - allow: fs.write
        - allow: shell.exec
      approval: ask-rules
      shell:
        programs:
          - preset: cat
          - preset: ls
      budgets:
        max_steps: 6
      """;

  @TempDir Path dir;
  Path workspace;
  Path outside;
  Path sentinel;

  @BeforeEach
  void layOut() throws IOException {
    workspace = Files.createDirectory(dir.resolve("workspace"));
    outside = Files.createDirectory(dir.resolve("outside"));
    sentinel = Files.writeString(outside.resolve("sentinel.txt"), "untouched");
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    Files.writeString(dir.resolve("policy.yaml"), POLICY);
  }

  static Stream<Arguments> hostileReplies() {
    return Stream.of(
        Arguments.of(
            "relative escape",
            proposal("fs.write", "{\"path\":\"../outside/x.txt\",\"content\":\"pwned\"}"),
            "PATH_OUTSIDE_ROOT"),
        Arguments.of(
            "absolute path",
            proposal("fs.write", "{\"path\":\"OUTSIDE/sentinel.txt\",\"content\":\"pwned\"}"),
            "PATH_OUTSIDE_ROOT"),
        Arguments.of(
            "symbolic link out",
            proposal("fs.write", "{\"path\":\"link/x.txt\",\"content\":\"pwned\"}"),
            "PATH_OUTSIDE_ROOT"),
        Arguments.of(
            "read through a link",
            proposal("fs.read", "{\"path\":\"link/sentinel.txt\"}"),
            "PATH_OUTSIDE_ROOT"),
        Arguments.of(
            "NUL in the path",
            proposal("fs.write", "{\"path\":\"a\\u0000../../x\",\"content\":\"pwned\"}"),
            "INVALID_PATH"),
        Arguments.of("a secret by name", proposal("fs.read", "{\"path\":\".env\"}"), "PATH_DENIED"),
        Arguments.of(
            "shell command string",
            proposal("shell.exec", "{\"command\":\"echo pwned > ../outside/x.txt; rm -rf ..\"}"),
            "INVALID_ARGUMENTS"),
        Arguments.of(
            "shell through sh -c",
            proposal("shell.exec", "{\"argv\":[\"sh\",\"-c\",\"echo pwned > ../outside/x.txt\"]}"),
            "COMMAND_NOT_ALLOWED"),
        Arguments.of(
            "program by absolute path",
            proposal("shell.exec", "{\"argv\":[\"/bin/rm\",\"-rf\",\"..\"]}"),
            "COMMAND_NOT_ALLOWED"),
        Arguments.of(
            "shell argument escapes",
            proposal("shell.exec", "{\"argv\":[\"cat\",\"../outside/sentinel.txt\"]}"),
            "PATH_OUTSIDE_ROOT"),
        Arguments.of(
            "shell argument through a link",
            proposal("shell.exec", "{\"argv\":[\"cat\",\"link/sentinel.txt\"]}"),
            "PATH_OUTSIDE_ROOT"),
        Arguments.of(
            "smuggled duplicate key",
            "{\"next_step\":{\"tool\":\"fs.read\",\"tool\":\"fs.write\",\"arguments\":{\"path\":\"../outside/x.txt\",\"content\":\"pwned\"}}}",
            "DUPLICATE_KEY"),
        Arguments.of(
            "prose around JSON",
            "Sure! " + proposal("fs.write", "{\"path\":\"x.txt\",\"content\":\"x\"}"),
            "INVALID_JSON"),
        Arguments.of("two decisions at once", proposal("fs.list", "{}") + DONE, "INVALID_JSON"),
        Arguments.of("a lone surrogate", "\uD800" + DONE, "INVALID_JSON"),
        Arguments.of(
            "unknown member",
            "{\"next_step\":{\"tool\":\"fs.list\",\"arguments\":{},\"sudo\":true}}",
            "INVALID_REPLY"),
        Arguments.of(
            "extra argument",
            proposal("fs.write", "{\"path\":\"x.txt\",\"content\":\"x\",\"mode\":\"0777\"}"),
            "INVALID_ARGUMENTS"),
        Arguments.of(
            "approval needed, nobody there",
            proposal("fs.write", "{\"path\":\"release-notes.md\",\"content\":\"v2\"}"),
            "APPROVAL_DENIED"));
  }

  private static String proposal(String tool, String arguments) {
    return "{\"next_step\":{\"tool\":\""
        + tool
        + "\",\"arguments\":"
        + arguments
        + ",\"goal\":\"x\"}}";
  }

  /** Replays every hostile reply in one process (one JVM start instead of one per case). */
  @BeforeAll
  static void replayAllHostileReplies(@TempDir Path shared) throws IOException {
    hostileDir = shared;
    Path workspace = Files.createDirectory(shared.resolve("workspace"));
    Path outside = Files.createDirectory(shared.resolve("outside"));
    Files.writeString(outside.resolve("sentinel.txt"), "untouched");
    Files.writeString(workspace.resolve(".env"), "TOKEN=secret");
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    Files.writeString(
        shared.resolve("policy.yaml"),
        POLICY.replace("max_steps: 6", "max_steps: 50\n  max_consecutive_errors: 50"));
    List<String> replies = new ArrayList<>();
    hostileReplies()
        .forEach(a -> replies.add(((String) a.get()[1]).replace("OUTSIDE", outside.toString())));
    replies.add(DONE);
    writeReplies(shared.resolve("replies.jsonl"), replies);
    treeBefore = tree(shared);
    hostile =
        Xct.run(
            shared,
            "replay",
            "--policy",
            "policy.yaml",
            "--workspace",
            "workspace",
            "--replies",
            "replies.jsonl",
            "--journal",
            "journal.jsonl");
  }

  static Path hostileDir;
  static List<String> treeBefore;
  static Xct.Outcome hostile;

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileReplies")
  void hostileReplyIsRefusedAsDataBeforeAnythingRuns(String name, String reply, String code)
      throws IOException {
    int step = hostileReplies().map(a -> a.get()[0]).toList().indexOf(name) + 1;

    assertThat(hostile.exitCode()).as(hostile.all()).isZero();
    JsonNode recorded = steps(hostileDir.resolve("journal.jsonl")).get(step - 1);
    assertThat(recorded.get("step").asInt()).isEqualTo(step);
    assertThat(recorded.get("status").asString()).isEqualTo("error");
    assertThat(recorded.get("code").asString()).isEqualTo(code);
    assertThat(recorded.get("executed").asBoolean()).isFalse();
  }

  @Test
  void hostileRepliesLeaveEverythingOutsideTheWorkspaceUntouched() throws IOException {
    assertThat(hostile.exitCode()).as(hostile.all()).isZero();
    assertThat(hostileDir.resolve("outside/sentinel.txt")).hasContent("untouched");
    List<String> after = tree(hostileDir);
    after.remove("journal.jsonl");
    assertThat(after).isEqualTo(treeBefore);
    List<JsonNode> steps = steps(hostileDir.resolve("journal.jsonl"));
    assertThat(steps).hasSize((int) hostileReplies().count() + 1);
    assertThat(steps.get(steps.size() - 1).get("status").asString()).isEqualTo("done");
  }

  @Test
  void journalRecordsEveryStepWithToolVerdictsStatusAndCode() throws IOException {
    Path replies =
        replies(
            proposal("fs.write", "{\"path\":\"notes.txt\",\"content\":\"hello\"}"),
            proposal("fs.read", "{\"path\":\"missing.txt\"}"),
            DONE);

    Xct.Outcome replay = replay(replies, "--journal", "journal.jsonl");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(workspace.resolve("notes.txt")).hasContent("hello");
    List<JsonNode> steps = steps(dir.resolve("journal.jsonl"));
    assertThat(steps).extracting(s -> s.get("step").asInt()).containsExactly(1, 2, 3);
    assertThat(steps.get(0).get("tool").asString()).isEqualTo("fs.write");
    assertThat(steps.get(0).get("status").asString()).isEqualTo("success");
    assertThat(steps.get(0).get("verdicts"))
        .extracting(v -> v.get("validator").asString() + "=" + v.get("verdict").asString())
        .containsExactly(
            "known-tool=allow",
            "argument-schema=allow",
            "fs-confinement=allow",
            "shell-allowlist=allow",
            "policy=allow");
    assertThat(steps.get(1).get("code").asString()).isEqualTo("NOT_FOUND");
    assertThat(steps.get(1).get("executed").asBoolean()).isTrue();
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                JSON.readTree(Path.of("..", "docs", "schema", "journal.schema.json").toFile()));
    for (String line : Files.readAllLines(dir.resolve("journal.jsonl"))) {
      assertThat(schema.validate(JSON.readTree(line))).as(line).isEmpty();
    }
    List<String> types =
        Files.readAllLines(dir.resolve("journal.jsonl")).stream()
            .map(line -> JSON.readTree(line).get("type").asString())
            .toList();
    assertThat(types.get(0)).isEqualTo("run_started");
    assertThat(types.get(types.size() - 1)).isEqualTo("run_ended");
  }

  @Test
  void repliesRunningOutEndTheJournalWithTheModelFailureTheSchemaDescribes() throws IOException {
    Path replies = replies(proposal("fs.read", "{\"path\":\"missing.txt\"}"));

    Xct.Outcome replay = replay(replies, "--journal", "journal.jsonl");

    assertThat(replay.exitCode()).as(replay.all()).isEqualTo(4);
    List<String> lines = Files.readAllLines(dir.resolve("journal.jsonl"));
    JsonNode ended = JSON.readTree(lines.get(lines.size() - 1));
    assertThat(ended.get("status").asString()).isEqualTo("MODEL_FAILED");
    assertThat(ended.at("/failure/type").asString()).isEqualTo("dev.xct.core.XctException");
    assertThat(ended.at("/failure/message").asString()).contains("ran out after 1 replies");
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                JSON.readTree(Path.of("..", "docs", "schema", "journal.schema.json").toFile()));
    assertThat(schema.validate(ended)).isEmpty();
    ((tools.jackson.databind.node.ObjectNode) ended.get("failure")).put("status", "429");
    assertThat(schema.validate(ended)).isNotEmpty();
  }

  @Test
  void aPolicyThatRaisesTheReplyLimitLetsTheModelWriteAFileNearTheWriteLimit() throws IOException {
    String content = "x".repeat(900_000);
    Path replies =
        replies(
            proposal("fs.write", "{\"path\":\"big.txt\",\"content\":\"" + content + "\"}"), DONE);

    Xct.Outcome refused = replay(replies, "--journal", "refused.jsonl");

    assertThat(refused.exitCode()).as(refused.all()).isZero();
    assertThat(steps(dir.resolve("refused.jsonl")).get(0).get("code").asString())
        .isEqualTo("REPLY_TOO_LARGE");
    assertThat(workspace.resolve("big.txt")).doesNotExist();

    Files.writeString(dir.resolve("policy.yaml"), POLICY + "max_reply_chars: 1048576\n");
    Xct.Outcome written = replay(replies, "--journal", "written.jsonl");

    assertThat(written.exitCode()).as(written.all()).isZero();
    assertThat(steps(dir.resolve("written.jsonl")).get(0).get("status").asString())
        .isEqualTo("success");
    assertThat(Files.size(workspace.resolve("big.txt"))).isEqualTo(900_000);
  }

  @Test
  void sameRepliesGiveTheSameJournalByteForByte() throws IOException {
    Path replies =
        replies(
            proposal("fs.list", "{}"),
            proposal("fs.write", "{\"path\":\"../x\",\"content\":\"\"}"),
            DONE);

    replay(replies, "--journal", "first.jsonl");
    Files.list(workspace).filter(p -> !p.endsWith("link")).forEach(ReplayIT::delete);
    replay(replies, "--journal", "second.jsonl");

    assertThat(dir.resolve("second.jsonl")).hasSameTextualContentAs(dir.resolve("first.jsonl"));
  }

  @Test
  void durableJournalRecordsTheRunHashChainedAndVerifiable() throws IOException {
    Path replies = replies(proposal("fs.list", "{}"), DONE);

    Xct.Outcome replay = replay(replies, "--durable-journal", "durable", "--run-id", "r-1");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    try (FileJournal journal = FileJournal.openReadOnly(dir.resolve("durable"))) {
      assertThat(journal.verify().intact()).isTrue();
      assertThat(journal.read("r-1"))
          .extracting(event -> event.getClass().getSimpleName())
          .startsWith("RunStarted")
          .contains("ToolStarting", "ToolFinished")
          .doesNotContain("StepCompleted")
          .endsWith("RunEnded");
    }
  }

  @Test
  void journalCanGoToStandardOutput() throws IOException {
    Xct.Outcome replay = replay(replies(DONE), "--journal", "-");

    assertThat(replay.exitCode()).as(replay.all()).isZero();
    assertThat(replay.out().lines().map(line -> JSON.readTree(line).get("type").asString()))
        .containsExactly("run_started", "model_replied", "step_completed", "run_ended");
  }

  Xct.Outcome replay(Path replies, String... extra) {
    return Xct.replay(dir, replies.getFileName().toString(), extra);
  }

  Path replies(String... replies) throws IOException {
    return writeReplies(dir.resolve("replies.jsonl"), List.of(replies));
  }

  static Path writeReplies(Path file, List<String> replies) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (String reply : replies) {
      String line = JSON.writeValueAsString(StringNode.valueOf(reply));
      // a lone surrogate (one code point to Pattern; pairs are not matched) as a JSON escape
      line =
          LONE_SURROGATE
              .matcher(line)
              .replaceAll(m -> String.format("\\\\u%04X", (int) m.group().charAt(0)));
      lines.append(line).append('\n');
    }
    return Files.writeString(file, lines.toString(), StandardCharsets.UTF_8);
  }

  static List<JsonNode> steps(Path journal) throws IOException {
    return Files.readAllLines(journal).stream()
        .map(JSON::readTree)
        .filter(node -> node.get("type").asString().equals("step_completed"))
        .toList();
  }

  static List<String> tree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return new ArrayList<>(paths.map(p -> root.relativize(p).toString()).sorted().toList());
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
