package dev.xct.mcp.server;

import dev.xct.core.JsonValue;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code tools/call} from the host, waiting for the run to answer it; or one of the two markers
 * that tell the waiting run the session ended or the run was cancelled.
 *
 * @param tool the tool name the host called
 * @param arguments the call's arguments, a JSON object
 * @param exchange the session the call came in on (null for a marker)
 * @param answer completed with the call's result once the run has decided and recorded the step
 */
record HostCall(
    String tool,
    JsonValue arguments,
    McpSyncServerExchange exchange,
    CompletableFuture<McpSchema.CallToolResult> answer) {
  /** The host closed the session: the run ends as if its model said done. */
  static final HostCall END = new HostCall("", JsonValue.emptyObject(), null, null);

  /** The run was cancelled while waiting for a call. */
  static final HostCall CANCELLED = new HostCall("", JsonValue.emptyObject(), null, null);
}
