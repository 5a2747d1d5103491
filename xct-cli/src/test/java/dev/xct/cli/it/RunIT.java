package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Runs {@code xct run} against an OpenAI-compatible server on the loopback interface. */
class RunIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> REPLIES =
      List.of(
          "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"README.md\"},\"goal\":\"look\"}}",
          "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"notes.txt\",\"content\":\"hi\"},\"goal\":\"note\"}}",
          "{\"done\":true,\"message\":\"read the README; the note was not approved\"}");

  @TempDir Path dir;
  HttpServer server;
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          exchange.getRequestBody().readAllBytes();
          int call = calls.getAndIncrement();
          ObjectNode body = JSON.createObjectNode();
          ObjectNode choice = body.putArray("choices").addObject();
          choice
              .putObject("message")
              .put("role", "assistant")
              .put("content", REPLIES.get(Math.min(call, 2)));
          choice.put("finish_reason", "stop");
          body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5);
          byte[] bytes = JSON.writeValueAsBytes(body);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
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
    server.stop(0);
  }

  private Map<String, String> model() {
    return Map.of(
        "XCT_MODEL", "loopback-model",
        "XCT_MODEL_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
        "XCT_API_KEY", "test-key");
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
    assertThat(calls.get()).isEqualTo(3);
    assertThat(authorizations).containsOnly("Bearer test-key");
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
    assertThat(calls.get()).isZero();
  }

  @Test
  void anUnreachableModelEndsTheRunAsModelFailed() {
    int port = server.getAddress().getPort();
    server.stop(0);

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
  }
}
