package dev.xct.mcp;

import static dev.xct.mcp.EverythingServerInteropTest.DONE;
import static dev.xct.mcp.EverythingServerInteropTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.test.ScriptedModelClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same wrapping over streamable HTTP: server-everything on a loopback port. */
class StreamableHttpInteropTest {

  @Test
  void toolsOfAStreamableHttpSessionRunThroughTheLoop() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process server = ReferenceServers.everythingOverHttp(port);
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).build())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    try {
      client.initialize();
      McpTools tools = McpTools.builder(client, "everything").only("echo").build();

      RunResult run =
          ExecutionLoop.builder(
                  ScriptedModelClient.of(
                      call("everything.echo", "{\"message\":\"over http\"}"), DONE),
                  ToolRegistry.empty())
              .toolkit(tools.toolkit())
              .build()
              .run("echo");

      assertThat(run.status()).isEqualTo(RunStatus.DONE);
      assertThat(run.steps().get(0).executed()).isTrue();
      assertThat(run.steps().get(0).result().orElseThrow().toString()).contains("over http");
    } finally {
      client.close();
      server.destroy();
    }
  }
}
