package dev.xct.cli.internal.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Groups the Model Context Protocol commands: {@code xct mcp serve}. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = "Serve XCT-governed tools to an MCP host (see docs/mcp.md).",
    subcommands = {McpServeCommand.class})
final class McpCommand implements Runnable {
  @ParentCommand XctCommand parent;

  @Override
  public void run() {
    throw new CliException(64, "xct mcp needs a command: serve");
  }
}
