package dev.xct.mcp;

/**
 * Names the stable error codes an MCP tool's {@link dev.xct.core.protocol.Result.Failure} carries,
 * besides the loop's own ({@code TOOL_TIMEOUT}, {@code CANCELLED}, {@code INVALID_ARGUMENTS} …).
 * The model sees them; applications may branch on them.
 */
public final class McpErrorCodes {
  /**
   * The server ran the tool and reported an error ({@code isError: true}); the details hold the
   * result's {@code content}.
   */
  public static final String MCP_TOOL_ERROR = "MCP_TOOL_ERROR";

  /**
   * The server answered the request with a JSON-RPC error (an unknown tool, invalid params, an
   * internal error); the details hold its {@code rpcCode} and {@code rpcMessage}.
   */
  public static final String MCP_PROTOCOL_ERROR = "MCP_PROTOCOL_ERROR";

  /**
   * The server did not answer within the MCP client's request timeout; with the SDK's stdio
   * transport, also how a server process that died shows.
   */
  public static final String MCP_TIMEOUT = "MCP_TIMEOUT";

  /** The session was closed (checked before sending), or the transport failed while sending. */
  public static final String MCP_SESSION_FAILED = "MCP_SESSION_FAILED";

  /**
   * Served by {@code xct mcp serve}: the XCT run behind the MCP session has ended (a budget ran
   * out, a person stopped it), so the call was not run; the details hold the run's {@code status}
   * and {@code code}.
   */
  public static final String MCP_RUN_ENDED = "MCP_RUN_ENDED";

  private McpErrorCodes() {}
}
