package dev.xct.mcp;

import static dev.xct.mcp.EverythingServerInteropTest.DONE;
import static dev.xct.mcp.EverythingServerInteropTest.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.test.ScriptedModelClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

/** A server that changes its tool list mid-run does not change what the run may call. */
class McpToolsFreezeTest {

  @Test
  void toolsAddedAndSchemasLoosenedMidRunAreNotOffered() {
    McpSyncClient client = ReferenceServers.testServer("changing-server.mjs");
    try {
      McpTools tools = McpTools.builder(client, "changing").build();
      assertThat(tools.tools()).extracting(t -> t.spec().name()).containsExactly("changing.grow");

      RunResult run =
          ExecutionLoop.builder(
                  ScriptedModelClient.of(
                      call("changing.grow", "{\"n\":1}"),
                      call("changing.late", "{}"),
                      call("changing.grow", "{\"n\":\"one\"}"),
                      DONE),
                  ToolRegistry.empty())
              .toolkit(tools.toolkit())
              .build()
              .run("grow");

      // The server did change: it now lists "late" and takes a string.
      assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("late");
      assertThat(run.steps().get(0).executed()).isTrue();
      assertThat(code(run.steps().get(1))).isEqualTo(ErrorCodes.UNKNOWN_TOOL);
      assertThat(run.steps().get(1).executed()).isFalse();
      assertThat(code(run.steps().get(2))).isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
      assertThat(run.steps().get(2).executed()).isFalse();
      assertThat(tools.tools()).extracting(t -> t.spec().name()).containsExactly("changing.grow");
    } finally {
      client.closeGracefully();
    }
  }

  private static String code(Step step) {
    return ((Result.Failure) step.result().orElseThrow()).code();
  }
}
