/**
 * The tools of an MCP server as XCT tools: {@link dev.xct.mcp.McpTools} lists a session's tools
 * once and freezes them as {@link dev.xct.mcp.McpTool}s, whose schemas XCT enforces and whose calls
 * pass the loop's validators, budgets, approval and journal like any tool's. The server's
 * annotations are kept as {@link dev.xct.mcp.McpAnnotations}, claims a validator may consult and
 * that gate nothing unless the integrator trusts them; failures carry {@link
 * dev.xct.mcp.McpErrorCodes}. See {@code docs/mcp.md}.
 */
package dev.xct.mcp;
