package dev.xct.tools.shell.internal;

import dev.xct.core.protocol.Result;
import java.util.Optional;

/**
 * Checks that one path argument stays inside the root; bound to the command's working directory.
 */
@FunctionalInterface
interface PathCheck {
  /**
   * Returns the failure to report when {@code path}, the argument at {@code index} of the model's
   * argv, leaves the root; empty when it may be used.
   */
  Optional<Result.Failure> check(String path, int index);
}
