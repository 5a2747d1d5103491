package dev.xct.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
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
      ToolContext context =
          new ToolContext(
              "run",
              1,
              Instant.now().plus(Duration.ofMinutes(1)),
              CancellationToken.create(),
              Clock.systemUTC());

      Result.Failure failure =
          (Result.Failure)
              tools
                  .tool("refusing.refuse")
                  .orElseThrow()
                  .execute(new ToolCall("refusing.refuse", JsonValue.emptyObject(), ""), context);

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
