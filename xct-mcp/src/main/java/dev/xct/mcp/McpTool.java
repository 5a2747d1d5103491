package dev.xct.mcp;

import dev.xct.core.CancellationToken;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Objects;

/**
 * Calls one tool of an MCP server as an XCT {@link Tool}. Its spec (name, description, input
 * schema, hints) was fixed when {@link McpTools} was built; the loop's validators, budgets,
 * approval and journal see it like any other tool, and only a proposal they all allowed, whose
 * arguments matched the schema, is sent to the server as one {@code tools/call}.
 *
 * <p>{@link #annotations()} returns what the server claimed about the tool, for validators that
 * want to consult it; the claims shape {@link ToolSpec#hints()} only where the integrator chose to
 * trust them. A call blocks its worker thread until the server answers, the MCP client's request
 * timeout passes, or the loop interrupts it (its deadline passed or the run was cancelled), in
 * which case the server is told so if the session runs on an {@link McpCancellingTransport}; see
 * {@link McpErrorCodes} for the failures. Immutable and thread-safe, as the SDK's client is.
 */
public final class McpTool implements Tool {
  private final McpSyncClient client;
  private final McpJsonMapper mapper;
  private final ToolSpec spec;
  private final String mcpName;
  private final McpAnnotations annotations;
  private final McpCancellingTransport cancelling;

  McpTool(
      McpSyncClient client,
      McpJsonMapper mapper,
      ToolSpec spec,
      String mcpName,
      McpAnnotations annotations,
      McpCancellingTransport cancelling) {
    this.client = Objects.requireNonNull(client, "client");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.mcpName = Objects.requireNonNull(mcpName, "mcpName");
    this.annotations = Objects.requireNonNull(annotations, "annotations");
    this.cancelling = cancelling;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  /** Returns the tool's name on the MCP server, which is what a call sends. */
  public String mcpName() {
    return mcpName;
  }

  /** Returns what the server claimed about the tool: hints, never facts. */
  public McpAnnotations annotations() {
    return annotations;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    if (!client.isInitialized()) {
      // A closed session would swallow the request and leave it to the request timeout.
      return CallResults.closed(spec.name());
    }
    McpSchema.CallToolRequest request =
        McpSchema.CallToolRequest.builder(mcpName)
            .arguments(mapper, call.arguments().toJson())
            .build();
    McpSchema.CallToolResult result;
    CancellationToken.Registration cancel =
        context.cancellation().onCancel(() -> cancelOnServer(request));
    try {
      result = client.callTool(request);
    } catch (RuntimeException e) {
      return CallResults.of(e, spec.name());
    } finally {
      cancel.close();
      if (cancelling != null) {
        cancelling.forget(request);
      }
    }
    return CallResults.of(result, mapper, spec.name());
  }

  private void cancelOnServer(McpSchema.CallToolRequest request) {
    if (cancelling != null) {
      cancelling.cancel(request, "the XCT run abandoned the call of '" + spec.name() + "'");
    }
  }

  @Override
  public String toString() {
    return "McpTool[" + spec.name() + " -> " + mcpName + "]";
  }
}
