package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code xct run} against an OpenAI-compatible server on the loopback interface. */
class RunIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> REPLIES =
      List.of(
          "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"README.md\"},\"goal\":\"look\"}}",
          "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"notes.txt\",\"content\":\"hi\"},\"goal\":\"note\"}}",
          "{\"done\":true,\"message\":\"read the README; the note was not approved\"}");

  @TempDir Path dir;
  LoopbackModel model;

  @BeforeEach
  void startServer() throws IOException {
    model = LoopbackModel.replying(REPLIES);
    Files.createDirectory(dir.resolve("ws"));
    Files.writeString(dir.resolve("ws/README.md"), "# hello");
    Files.writeString(
        dir.resolve("policy.yaml"),
        """
        version: 1
        roots: [{path: ., access: read-write}]
        tools: ["fs.read", "fs.write"]
        rules:
          - allow: fs.read
          - ask: fs.write
        """);
  }

  @AfterEach
  void stopServer() {
    model.close();
  }

  private Map<String, String> model() {
    return model.environment();
  }

  @Test
  void liveRunUsesTheModelFromTheEnvironmentAndDeniesApprovalsWithoutATerminal() {
    Xct.Outcome run =
        Xct.run(
            dir,
            model(),
            "run",
            "--policy",
            "policy.yaml",
            "--workspace",
            "ws",
            "--journal",
            "j.jsonl",
            "Read the README and leave a note");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("✓ fs.read ran")
        .contains("? approval needed")
        .contains("✗ policy denied APPROVAL_DENIED: no terminal to ask for approval")
        .contains("■ DONE after 3 steps");
    assertThat(dir.resolve("ws/notes.txt")).doesNotExist();
    assertThat(model.calls()).isEqualTo(3);
    assertThat(model.authorizations()).containsOnly("Bearer test-key");
    assertThat(dir.resolve("j.jsonl")).isRegularFile();
  }

  @Test
  void jsonPrintsTheEventsForScripts() {
    Xct.Outcome run =
        Xct.run(
            dir,
            model(),
            "run",
            "--policy",
            "policy.yaml",
            "--workspace",
            "ws",
            "--json",
            "Read the README");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out().lines().map(line -> JSON.readTree(line).get("type").asString()))
        .startsWith("run_started")
        .endsWith("run_ended");
  }

  @Test
  void aMissingModelIsABadConfigurationNamingTheVariable() {
    Xct.Outcome run =
        Xct.run(
            dir,
            Map.of("XCT_MODEL", ""),
            "run",
            "--policy",
            "policy.yaml",
            "--workspace",
            "ws",
            "anything");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(65);
    assertThat(run.err()).contains("XCT_MODEL").doesNotContain("\tat ");
    assertThat(model.calls()).isZero();
  }

  @Test
  void aRateLimitedModelEndsTheRunWithTheStatusAndRetryAfterInTheJsonEvents() {
    try (LoopbackModel limited = LoopbackModel.rateLimited(20)) {
      Xct.Outcome run =
          Xct.run(
              dir,
              limited.environment(),
              "run",
              "--policy",
              "policy.yaml",
              "--workspace",
              "ws",
              "--json",
              "anything");

      assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
      String last = run.out().lines().reduce((first, next) -> next).orElseThrow();
      JsonNode ended = JSON.readTree(last);
      assertThat(ended.get("status").asString()).isEqualTo("MODEL_FAILED");
      assertThat(ended.at("/failure/status").asInt()).isEqualTo(429);
      assertThat(ended.at("/failure/retry_after_us").asLong()).isEqualTo(20_000_000L);
      assertThat(ended.at("/failure/message").asString()).contains("Rate limit reached");
      assertThat(limited.calls()).isEqualTo(1);
    }
  }

  @Test
  void anUnreachableModelEndsTheRunAsModelFailed() {
    int port = model.port();
    model.close();

    Xct.Outcome run =
        Xct.run(
            dir,
            Map.of("XCT_MODEL", "m", "XCT_MODEL_URL", "http://127.0.0.1:" + port + "/v1"),
            "run",
            "--policy",
            "policy.yaml",
            "--workspace",
            "ws",
            "anything");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
    assertThat(run.out()).contains("MODEL_FAILED");
    // The failure is in the outcome; the engine's trace of it is silenced.
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("model client failed");
  }
}
