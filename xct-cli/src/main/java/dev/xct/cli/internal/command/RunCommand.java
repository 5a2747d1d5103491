package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Runs a live agent against a real model: {@code xct run}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a live agent with the file and shell tools under a policy, against an"
          + " OpenAI-compatible model configured from the environment."
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand XctCommand parent;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "FILE",
      description = "The policy file.")
  Path policyFile;

  @Option(
      names = "--workspace",
      required = true,
      paramLabel = "DIR",
      description = "The workspace.")
  Path workspace;

  @Parameters(paramLabel = "TASK", description = "What the agent should do.")
  String task;

  @Override
  public Integer call() {
    throw new CliException(
        ExitCodes.BAD_CONFIG, "xct run needs a model adapter, which this build does not have yet");
  }
}
