package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.policy.PolicyFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Prints the policy file's JSON Schema: {@code xct policy schema}. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Print the JSON Schema of policy files, for editors and CI checks.")
final class PolicySchemaCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand parent;

  @Override
  public Integer call() {
    parent.parent.console().out().print(PolicyFile.jsonSchema());
    return ExitCodes.DONE;
  }
}
