package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.core.Toolkit;
import dev.xct.core.XctException;
import dev.xct.policy.MissingRootException;
import dev.xct.policy.PolicyFile;
import dev.xct.policy.PolicyTools;
import java.nio.file.Path;

/** Builds the built-in toolkit that {@code run} and {@code replay} offer, from the policy file. */
final class PolicyToolkits {
  private PolicyToolkits() {}

  /**
   * Returns the file and shell tools over the policy's roots, resolved against {@code workspace}.
   *
   * @throws CliException for a missing root ({@link ExitCodes#NO_INPUT}) or tools that refuse the
   *     configuration ({@link ExitCodes#BAD_CONFIG})
   */
  static Toolkit forPolicy(PolicyFile policy, Path workspace) {
    try {
      return PolicyTools.of(policy, workspace).toolkit();
    } catch (MissingRootException e) {
      throw new CliException(ExitCodes.NO_INPUT, e.getMessage());
    } catch (XctException e) {
      throw new CliException(
          ExitCodes.BAD_CONFIG, "the policy's tools cannot be built: " + e.getMessage());
    }
  }
}
