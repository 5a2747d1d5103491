package dev.xct.cli.internal.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that runs a policy shares: the policy file and the workspace. */
final class PolicyOptions {
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
      description = "The directory relative roots resolve against.")
  Path workspace;
}
