package dev.xct.mcp;

import static dev.xct.mcp.EverythingServerInteropTest.DONE;
import static dev.xct.mcp.EverythingServerInteropTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.test.ScriptedModelClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Protocol and session failures, which a frozen tool set meets when the server stops serving a
 * listed tool or the session dies, become failures with stable codes.
 */
class McpToolFailureTest {

  private static Result callUnlisted(McpSyncClient client, String mcpName) {
    McpTool tool =
        new McpTool(
            client,
            McpJsonDefaults.getMapper(),
            ToolSpec.builder("everything.gone").build(),
            mcpName,
            McpAnnotations.none(),
            null);
    ToolContext context =
        new ToolContext(
            "run",
            1,
            Instant.now().plus(Duration.ofMinutes(1)),
            CancellationToken.create(),
            Clock.systemUTC());
    return tool.execute(new ToolCall("everything.gone", JsonValue.emptyObject(), ""), context);
  }

  @Test
  void aToolTheServerNoLongerServesIsAFailureWithAStableCode() {
    // The TypeScript SDK's servers answer an unknown tool with an isError result.
    McpSyncClient client = ReferenceServers.everything(Duration.ofSeconds(30));
    try {
      Result.Failure failure = (Result.Failure) callUnlisted(client, "no-such-tool");

      assertThat(failure.code()).isEqualTo(McpErrorCodes.MCP_TOOL_ERROR);
      assertThat(failure.message()).contains("no-such-tool");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void aJsonRpcErrorIsMcpProtocolErrorWithItsCode() {
    McpSyncClient client = ReferenceServers.testServer("refusing-server.mjs");
    try {
      McpTools tools = McpTools.builder(client, "refusing").build();

      RunResult run =
          ExecutionLoop.builder(
                  ScriptedModelClient.of(call("refusing.refuse", "{}"), DONE), ToolRegistry.empty())
              .toolkit(tools.toolkit())
              .build()
              .run("refuse");

      Result.Failure failure = (Result.Failure) run.steps().get(0).result().orElseThrow();
      assertThat(failure.code()).isEqualTo(McpErrorCodes.MCP_PROTOCOL_ERROR);
      assertThat(failure.details().get("rpcCode")).contains(JsonValue.from(-32602));
      assertThat(failure.message()).contains("refused refuse");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void aClosedSessionIsMcpSessionFailed() {
    // A short request timeout: were the call sent, it would end MCP_TIMEOUT, not fail at once.
    McpSyncClient client = ReferenceServers.everything(Duration.ofSeconds(2));
    client.closeGracefully();

    Result result = callUnlisted(client, "echo");

    assertThat(((Result.Failure) result).code()).isEqualTo(McpErrorCodes.MCP_SESSION_FAILED);
  }
}
