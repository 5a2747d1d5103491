/**
 * Serves XCT-governed tools to an MCP host: {@link dev.xct.mcp.server.McpToolServer} turns one MCP
 * session over stdio into one XCT run, so that every {@code tools/call} passes the run's
 * validators, budgets, approvals and journal exactly as a model's proposal does.
 */
package dev.xct.mcp.server;
