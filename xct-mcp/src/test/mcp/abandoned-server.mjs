// A small MCP server for xct-mcp's McpCancellationTest: "wait" logs "waiting", then answers only
// when its request is cancelled (notifications/cancelled aborts its signal); "cancelled" says how
// many were.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

let cancelled = 0;
const server = new Server({ name: 'abandoned', version: '1.0.0' }, { capabilities: { tools: {}, logging: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: 'wait', description: 'waits until cancelled', inputSchema: { type: 'object' } },
    { name: 'cancelled', description: 'counts cancelled waits', inputSchema: { type: 'object' } },
  ],
}));
server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
  if (request.params.name === 'cancelled') {
    return { content: [{ type: 'text', text: `cancelled: ${cancelled}` }] };
  }
  const aborted = new Promise((resolve) => extra.signal.addEventListener('abort', resolve));
  await server.sendLoggingMessage({ level: 'info', data: 'waiting' });
  await aborted;
  cancelled++;
  return { content: [{ type: 'text', text: 'stopped' }] };
});
await server.connect(new StdioServerTransport());
