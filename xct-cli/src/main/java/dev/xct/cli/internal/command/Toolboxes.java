package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.agent.Toolbox;
import dev.xct.core.XctException;
import dev.xct.policy.MissingRootException;
import dev.xct.policy.PolicyFile;
import dev.xct.policy.PolicyTools;
import java.nio.file.Path;

/** Builds the built-in toolbox that {@code run} and {@code replay} offer, from the policy file. */
final class Toolboxes {
  private Toolboxes() {}

  /**
   * Returns the file and shell tools over the policy's roots, resolved against {@code workspace}.
   *
   * @throws CliException for a missing root ({@link ExitCodes#NO_INPUT}) or tools that refuse the
   *     configuration ({@link ExitCodes#BAD_CONFIG})
   */
  static Toolbox forPolicy(PolicyFile policy, Path workspace) {
    try {
      return Toolbox.of(PolicyTools.of(policy, workspace));
    } catch (MissingRootException e) {
      throw new CliException(ExitCodes.NO_INPUT, e.getMessage());
    } catch (XctException e) {
      throw new CliException(
          ExitCodes.BAD_CONFIG, "the policy's tools cannot be built: " + e.getMessage());
    }
  }
}
