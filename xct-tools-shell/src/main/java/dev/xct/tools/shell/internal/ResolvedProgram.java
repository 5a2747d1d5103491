package dev.xct.tools.shell.internal;

import dev.xct.tools.shell.Program;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Pairs a program's rule with the absolute path it was resolved to, once, on the integrator's PATH.
 *
 * @param rule the rule the model's arguments are checked against
 * @param executable the absolute path that runs; the model's spelling never reaches the OS
 */
public record ResolvedProgram(Program rule, Path executable) {
  /** Checks the components. */
  public ResolvedProgram {
    Objects.requireNonNull(rule, "rule");
    if (!executable.isAbsolute()) {
      throw new IllegalArgumentException("executable must be absolute: " + executable);
    }
  }
}
