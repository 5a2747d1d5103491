package dev.xct.mcp;

import static dev.xct.mcp.EverythingServerInteropTest.DONE;
import static dev.xct.mcp.EverythingServerInteropTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.test.ScriptedModelClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A call the loop abandons is cancelled on the server with notifications/cancelled when the session
 * runs on an {@link McpCancellingTransport}, and only then. The server's "wait" tool ends only when
 * its request is cancelled; its "cancelled" tool counts how many were.
 */
class McpCancellationTest {

  private static RunResult waitPastTheDeadlineThenCount(McpTools tools) {
    return ExecutionLoop.builder(
            ScriptedModelClient.of(
                call("abandoned.wait", "{}"), call("abandoned.cancelled", "{}"), DONE),
            ToolRegistry.empty())
        .toolkit(tools.toolkit())
        .build()
        .run("wait");
  }

  @Test
  void aCallPastItsDeadlineIsCancelledOnTheServer() {
    McpCancellingTransport transport =
        McpCancellingTransport.wrap(ReferenceServers.testServerTransport("abandoned-server.mjs"));
    McpSyncClient client = ReferenceServers.connect(transport, Duration.ofSeconds(30));
    try {
      McpTools tools =
          McpTools.builder(client, "abandoned")
              .timeout(Duration.ofMillis(300))
              .cancellation(transport)
              .build();

      RunResult run = waitPastTheDeadlineThenCount(tools);

      assertThat(((Result.Failure) run.steps().get(0).result().orElseThrow()).code())
          .isEqualTo(ErrorCodes.TOOL_TIMEOUT);
      assertThat(run.steps().get(1).result().orElseThrow().toString()).contains("cancelled: 1");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void withoutTheWrapperTheServerIsNotTold() {
    McpSyncClient client = ReferenceServers.testServer("abandoned-server.mjs");
    try {
      McpTools tools =
          McpTools.builder(client, "abandoned").timeout(Duration.ofMillis(300)).build();

      RunResult run = waitPastTheDeadlineThenCount(tools);

      assertThat(run.steps().get(1).result().orElseThrow().toString()).contains("cancelled: 0");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void cancellingTheRunCancelsTheCallOnTheServer() {
    McpCancellingTransport transport =
        McpCancellingTransport.wrap(ReferenceServers.testServerTransport("abandoned-server.mjs"));
    CancellationToken cancellation = CancellationToken.create();
    // The server logs "waiting" once the call is in its hands: that is when the run is cancelled.
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .loggingConsumer(message -> cancellation.cancel())
            .build();
    client.initialize();
    try {
      McpTools tools = McpTools.builder(client, "abandoned").cancellation(transport).build();

      RunResult run =
          ExecutionLoop.builder(
                  ScriptedModelClient.of(call("abandoned.wait", "{}"), DONE), ToolRegistry.empty())
              .toolkit(tools.toolkit())
              .build()
              .run("wait", cancellation);

      assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
      RunResult count =
          ExecutionLoop.builder(
                  ScriptedModelClient.of(call("abandoned.cancelled", "{}"), DONE),
                  ToolRegistry.empty())
              .toolkit(tools.toolkit())
              .build()
              .run("count");
      assertThat(count.steps().get(0).result().orElseThrow().toString()).contains("cancelled: 1");
    } finally {
      client.closeGracefully();
    }
  }
}
