package dev.xct.mcp.server;

import dev.xct.core.ModelClient;
import dev.xct.core.RunResult;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Approver;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Serves a loop's tools to one MCP host over stdio, the session being one XCT run: each {@code
 * tools/call} is proposed to the loop as if a model had sent it, so it passes the loop's
 * validators, budgets and approvals and is journaled before the host gets its result. A call the
 * loop refuses, or a tool failure, is a result with {@code isError} carrying XCT's code, message
 * and details. Approvals are asked through MCP elicitation when the host supports it, and denied
 * with a reason otherwise. Once the run has ended (a budget ran out, an approval was stopped) every
 * further call gets {@link dev.xct.mcp.McpErrorCodes#MCP_RUN_ENDED}.
 *
 * <p>Tool names are served unchanged: XCT's names ({@code fs.read}) are within MCP's charset. Calls
 * are decided one at a time, in the order the SDK hands them over (for calls sent at the same
 * moment, not necessarily their order on the wire). Stateless and thread-safe; {@link #serve}
 * blocks.
 */
public final class McpToolServer {
  private McpToolServer() {}

  /** Builds the loop a session runs, given the stand-in model and the eliciting approver. */
  @FunctionalInterface
  public interface LoopFactory {
    /** Returns the loop; it must use {@code host} as its model and {@code approver} for rules. */
    ExecutionLoop build(ModelClient host, Approver approver);
  }

  /**
   * Serves the tools of the loop {@code loops} builds over {@code in} and {@code out} until {@code
   * in} ends, and returns the run's result (done when the host closed the session first).
   *
   * @throws dev.xct.core.XctException if interrupted while the host is still connected
   */
  public static RunResult serve(LoopFactory loops, String task, InputStream in, OutputStream out) {
    Objects.requireNonNull(task, "task");
    HostBridge bridge = new HostBridge();
    ExecutionLoop loop = loops.build(bridge, new ElicitingApprover(bridge));
    List<McpServerFeatures.SyncToolSpecification> tools =
        loop.tools().specs().stream().map(spec -> served(spec, bridge)).toList();
    McpSyncServer server =
        McpServer.sync(
                new StdioServerTransportProvider(
                    new FormElicitationMapper(McpJsonDefaults.getMapper()),
                    new EndSignallingInput(in, bridge::close),
                    out))
            .serverInfo("xct", version())
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .strictToolNameValidation(true)
            .validateToolInputs(false)
            .tools(tools)
            .build();
    try {
      RunResult result = loop.run(task);
      bridge.finish(result);
      bridge.awaitClose();
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.xct.core.XctException("interrupted while serving MCP", e);
    } finally {
      server.closeGracefully();
    }
  }

  private static McpServerFeatures.SyncToolSpecification served(ToolSpec spec, HostBridge bridge) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(spec.name(), StepResults.map(spec.inputSchema()))
            .description(spec.description())
            .annotations(
                new McpSchema.ToolAnnotations(
                    null,
                    spec.hints().readOnly(),
                    spec.hints().destructive(),
                    spec.hints().idempotent(),
                    null,
                    null))
            .build();
    return McpServerFeatures.SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(bridge::call)
        .build();
  }

  private static String version() {
    String version = McpToolServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
