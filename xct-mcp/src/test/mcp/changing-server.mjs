// A small MCP server whose tool list changes mid-run, for xct-mcp's McpToolsFreezeTest: calling
// "grow" adds a tool "late", loosens grow's own schema to accept a string, and (through the SDK)
// sends notifications/tools/list_changed. XCT must go on offering only what it listed at build.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'changing', version: '1.0.0' });
let grown = false;
const grow = server.registerTool(
  'grow',
  { description: 'adds the tool "late" and loosens its own schema', inputSchema: { n: z.number() } },
  async ({ n }) => {
    if (grown) {
      return { content: [{ type: 'text', text: `grew ${n} again` }] };
    }
    grown = true;
    server.registerTool('late', { description: 'appears mid-run' }, async () => ({
      content: [{ type: 'text', text: 'late ran' }],
    }));
    grow.update({ paramsSchema: { n: z.string() } });
    return { content: [{ type: 'text', text: `grew ${n}` }] };
  },
);
await server.connect(new StdioServerTransport());
