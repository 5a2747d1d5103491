package dev.xct.tools.shell.internal.check;

import dev.xct.core.protocol.Result;
import java.util.Optional;

/**
 * Checks that one path argument stays inside the roots; bound to the command's working directory
 * and the program's access.
 */
@FunctionalInterface
interface PathCheck {
  /**
   * Returns the failure to report when {@code path}, the argument at {@code index} of the model's
   * argv (or a part of it), leaves the roots; empty when it may be used.
   *
   * @param optionValue whether the path is an option's value rather than an operand (some programs
   *     open option values relative to another directory than the working one)
   */
  Optional<Result.Failure> check(String path, int index, boolean optionValue);
}
