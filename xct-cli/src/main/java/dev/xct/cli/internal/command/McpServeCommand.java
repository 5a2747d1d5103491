package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.agent.AgentLoop;
import dev.xct.cli.internal.agent.ReplayJournal;
import dev.xct.core.RunResult;
import dev.xct.core.Toolkit;
import dev.xct.core.journal.Journal;
import dev.xct.mcp.server.McpToolServer;
import dev.xct.policy.CheckedPolicy;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Serves a policy's tools to an MCP host over stdio: {@code xct mcp serve}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the file and shell tools a policy offers to an MCP host over stdio (standard input"
          + " and output carry MCP; messages go to standard error). The session is one XCT run:"
          + " every tools/call passes the policy's validators and budgets and is journaled; a"
          + " denial is an error result with XCT's code and reason. Rules that ask for approval"
          + " are asked through MCP elicitation, and denied when the host does not support it.",
      "Configure it in the host as the command 'xct' with these arguments (see docs/mcp.md)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the host closed the session",
      " 2:a budget ran out (the session then answered every call with MCP_RUN_ENDED)",
      " 3:a validator or a person stopped the run",
      "64:usage error",
      "65:bad policy",
      "66:a file or the workspace is missing"
    })
final class McpServeCommand implements Callable<Integer> {
  @ParentCommand McpCommand parent;

  @Mixin PolicyOptions setup;

  @Mixin JournalOptions journals;

  @Override
  public Integer call() {
    Inputs.requireFile(setup.policyFile, "policy file");
    Inputs.requireDirectory(setup.workspace, "workspace");
    CheckedPolicy checked = CheckedPolicy.load(setup.policyFile);
    Toolkit toolkit = PolicyToolkits.forPolicy(checked, setup.workspace);
    // Standard output carries MCP alone: anything else printed by mistake goes to stderr.
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    try (Writer journalOut = journals.openJournal();
        Journal durable = DurableJournals.open(journals.durableJournal)) {
      RunResult result =
          McpToolServer.serve(
              (host, approver) ->
                  DurableJournals.attach(
                          AgentLoop.builder(
                              checked.policy(),
                              toolkit,
                              host,
                              approver,
                              List.of(new ReplayJournal(journalOut)),
                              Clock.systemUTC(),
                              () -> UUID.randomUUID().toString()),
                          durable)
                      .build(),
              "serve the policy's tools to an MCP host",
              new FileInputStream(FileDescriptor.in),
              protocol);
      return ExitCodes.of(result.status());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
