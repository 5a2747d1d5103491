// A small MCP server that answers every tools/call with a JSON-RPC error (not an isError result,
// which is what the reference servers send), for xct-mcp's McpToolFailureTest.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';

const server = new Server({ name: 'refusing', version: '1.0.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: 'refuse', description: 'fails every call', inputSchema: { type: 'object' } }],
}));
server.setRequestHandler(CallToolRequestSchema, async (request) => {
  throw new McpError(ErrorCode.InvalidParams, `refused ${request.params.name}`);
});
await server.connect(new StdioServerTransport());
