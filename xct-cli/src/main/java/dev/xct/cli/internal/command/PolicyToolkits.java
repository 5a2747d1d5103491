package dev.xct.cli.internal.command;

import dev.xct.core.Toolkit;
import dev.xct.policy.CheckedPolicy;
import dev.xct.policy.MissingRootException;
import dev.xct.policy.PolicyFileException;
import java.nio.file.Path;

/**
 * Builds the built-in toolkit of a policy file, the one way {@code run}, {@code replay} and {@code
 * policy check} all build it, so that the check passes exactly when the others can start.
 */
final class PolicyToolkits {
  private PolicyToolkits() {}

  /**
   * Returns the file and shell tools over the policy's roots, resolved against {@code workspace}.
   *
   * @throws PolicyFileException with the refusal located in the file; {@code Main} ends the command
   *     with exit 66 when its cause is a {@link MissingRootException}, 65 otherwise
   */
  static Toolkit forPolicy(CheckedPolicy policy, Path workspace) {
    return policy.tools(workspace).toolkit();
  }
}
