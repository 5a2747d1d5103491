package dev.xct.cli.internal.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Groups the policy file commands: {@code xct policy check} and {@code xct policy schema}. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Work with policy files (YAML or JSON; see docs/cli.md).",
    subcommands = {PolicyCheckCommand.class, PolicySchemaCommand.class})
final class PolicyCommand implements Runnable {
  @ParentCommand XctCommand parent;

  @Override
  public void run() {
    throw new CliException(64, "xct policy needs a command: check FILE, or schema");
  }
}
