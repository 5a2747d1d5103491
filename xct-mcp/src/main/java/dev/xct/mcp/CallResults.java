package dev.xct.mcp;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Turns what an MCP {@code tools/call} produced into XCT results: the result's JSON as the server
 * sent it (read back through the SDK's own mapper, so nothing is renamed), a tool error as {@link
 * McpErrorCodes#MCP_TOOL_ERROR}, and each kind of exception as its own code.
 */
final class CallResults {
  private static final int MAX_MESSAGE_CHARS = 2000;

  private CallResults() {}

  /** Converts a result the server returned. */
  static Result of(McpSchema.CallToolResult result, McpJsonMapper mapper, String tool) {
    // The whole result, not its parts: a bare list of content loses each item's "type" in Jackson.
    JsonValue sent = json(mapper, result);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", sent.get("content").orElse(JsonValue.parse("[]")));
    sent.get("structuredContent")
        .ifPresent(structured -> body.put("structuredContent", structured));
    if (!Boolean.TRUE.equals(result.isError())) {
      return Result.success(body);
    }
    return Result.failure(
        McpErrorCodes.MCP_TOOL_ERROR,
        "MCP tool '" + tool + "' reported an error: " + text(result),
        body);
  }

  /**
   * Converts what calling the server threw; the thread's interrupt means the call was abandoned.
   */
  static Result of(RuntimeException thrown, String tool) {
    if (Thread.currentThread().isInterrupted()) {
      return Result.failure(
          ErrorCodes.CANCELLED, "the call of MCP tool '" + tool + "' was abandoned");
    }
    McpError rpc = find(thrown, McpError.class);
    if (rpc != null && rpc.getJsonRpcError() != null) {
      McpSchema.JSONRPCResponse.JSONRPCError error = rpc.getJsonRpcError();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("rpcCode", error.code());
      details.put("rpcMessage", shorten(String.valueOf(error.message())));
      return Result.failure(
          McpErrorCodes.MCP_PROTOCOL_ERROR,
          "the MCP server refused the call of '" + tool + "': " + details.get("rpcMessage"),
          details);
    }
    if (find(thrown, TimeoutException.class) != null) {
      return Result.failure(
          McpErrorCodes.MCP_TIMEOUT,
          "the MCP server did not answer the call of '" + tool + "' within the request timeout");
    }
    return Result.failure(
        McpErrorCodes.MCP_SESSION_FAILED,
        "the MCP session failed while calling '"
            + tool
            + "': "
            + shorten(McpError.findRootCause(thrown).toString()));
  }

  /** The failure of a call on a session that is closed or was never initialized. */
  static Result closed(String tool) {
    return Result.failure(
        McpErrorCodes.MCP_SESSION_FAILED,
        "the MCP session of '" + tool + "' is closed or was never initialized");
  }

  private static JsonValue json(McpJsonMapper mapper, Object value) {
    try {
      return JsonValue.parse(mapper.writeValueAsString(value));
    } catch (IOException e) {
      throw new IllegalStateException("the SDK could not write its own value", e);
    }
  }

  private static String text(McpSchema.CallToolResult result) {
    StringBuilder text = new StringBuilder();
    if (result.content() != null) {
      for (McpSchema.Content content : result.content()) {
        if (content instanceof McpSchema.TextContent textContent && textContent.text() != null) {
          text.append(text.length() == 0 ? "" : "\n").append(textContent.text());
        }
      }
    }
    return text.length() == 0 ? "(no text)" : shorten(text.toString());
  }

  private static String shorten(String text) {
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
