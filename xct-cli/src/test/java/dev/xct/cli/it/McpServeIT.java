package dev.xct.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xct mcp serve} as an MCP host starts it, a real process, driven by the MCP Java SDK's own
 * client: the policy's tools listed, an allowed call run, denied calls answered with {@code
 * isError} and XCT's code, approvals asked through elicitation (accepted, declined) or denied
 * without it, and every call journaled.
 */
class McpServeIT {
  @TempDir Path dir;

  @BeforeEach
  void setUp() throws IOException {
    ServedWorkspace.create(dir);
  }

  private McpSyncClient connect(
      Function<McpSchema.ElicitFormRequest, McpSchema.ElicitResult> elicitation) {
    List<String> command = ServedWorkspace.serveCommand(dir);
    ServerParameters server =
        ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build();
    McpClient.SyncSpec spec =
        McpClient.sync(new StdioClientTransport(server, McpJsonDefaults.getMapper()))
            .requestTimeout(Duration.ofSeconds(60));
    if (elicitation != null) {
      spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
          .elicitation(elicitation);
    }
    McpSyncClient client = spec.build();
    client.initialize();
    return client;
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  private static String code(McpSchema.CallToolResult result) {
    return String.valueOf(((Map<?, ?>) result.structuredContent()).get("code"));
  }

  @Test
  void listsThePolicysToolsAndRunsAnAllowedCall() {
    try (McpSyncClient client = connect(null)) {
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactlyInAnyOrder("fs.read", "fs.write", "shell.exec");

      McpSchema.CallToolResult read = call(client, "fs.read", Map.of("path", "notes.txt"));

      assertThat(read.isError()).as(read.toString()).isFalse();
      assertThat(read.content().get(0).toString()).contains("hello from the workspace");
    }
  }

  @Test
  void deniedCallsAreErrorResultsWithXctsCodeAndAreJournaled() throws IOException {
    try (McpSyncClient client = connect(null)) {
      McpSchema.CallToolResult outside = call(client, "fs.read", Map.of("path", "../secret.txt"));
      McpSchema.CallToolResult removal =
          call(client, "shell.exec", Map.of("argv", List.of("rm", "notes.txt")));

      assertThat(outside.isError()).as(outside.toString()).isTrue();
      assertThat(code(outside)).isEqualTo("PATH_OUTSIDE_ROOT");
      assertThat(outside.content().get(0).toString()).doesNotContain("outside the roots");
      assertThat(removal.isError()).as(removal.toString()).isTrue();
      assertThat(code(removal)).isEqualTo("COMMAND_NOT_ALLOWED");
      assertThat(dir.resolve("ws/notes.txt")).exists();
    }
    assertThat(Files.readString(dir.resolve("journal.jsonl"), StandardCharsets.UTF_8))
        .contains("../secret.txt")
        .contains("COMMAND_NOT_ALLOWED");
  }

  @Test
  void anAcceptedElicitationLetsTheCallRun() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    try (McpSyncClient client =
        connect(
            request -> {
              asked.incrementAndGet();
              return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of());
            })) {
      McpSchema.CallToolResult write =
          call(client, "fs.write", Map.of("path", "out.txt", "content", "approved"));

      assertThat(write.isError()).as(write.toString()).isFalse();
    }
    assertThat(asked).hasValue(1);
    assertThat(Files.readString(dir.resolve("ws/out.txt"))).isEqualTo("approved");
  }

  @Test
  void aDeclinedElicitationDeniesTheCallWithTheReason() {
    try (McpSyncClient client =
        connect(
            request ->
                new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, Map.of()))) {
      McpSchema.CallToolResult write =
          call(client, "fs.write", Map.of("path", "out.txt", "content", "declined"));

      assertThat(write.isError()).as(write.toString()).isTrue();
      assertThat(code(write)).isEqualTo("APPROVAL_DENIED");
      assertThat(write.content().get(0).toString()).contains("declined");
    }
    assertThat(dir.resolve("ws/out.txt")).doesNotExist();
  }

  @Test
  void withoutElicitationAnApprovalIsDeniedWithAClearReason() {
    try (McpSyncClient client = connect(null)) {
      McpSchema.CallToolResult write =
          call(client, "fs.write", Map.of("path", "out.txt", "content", "unasked"));

      assertThat(write.isError()).as(write.toString()).isTrue();
      assertThat(code(write)).isEqualTo("APPROVAL_DENIED");
      assertThat(write.content().get(0).toString())
          .contains("does not support elicitation")
          .contains("a person reviews each change");
    }
    assertThat(dir.resolve("ws/out.txt")).doesNotExist();
  }
}
