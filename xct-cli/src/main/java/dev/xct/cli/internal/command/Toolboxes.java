package dev.xct.cli.internal.command;

import dev.xct.cli.internal.agent.ProvisionalFs;
import dev.xct.cli.internal.agent.Toolbox;
import dev.xct.cli.policy.PolicyFile;
import java.nio.file.Path;

/** Builds the built-in toolbox that {@code run} and {@code replay} offer, from the policy file. */
final class Toolboxes {
  private Toolboxes() {}

  /** Returns the file tools over the policy's roots, resolved against {@code workspace}. */
  static Toolbox forPolicy(PolicyFile policy, Path workspace) {
    return ProvisionalFs.toolbox(policy.roots(), workspace.toAbsolutePath().normalize());
  }
}
