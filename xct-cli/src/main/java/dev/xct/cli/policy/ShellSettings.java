package dev.xct.cli.policy;

import dev.xct.tools.shell.Program;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Holds a policy file's {@code shell} section: the programs {@code shell.exec} may run and its
 * limits. Immutable and thread-safe.
 *
 * @param programs the allowlist, in the file's order, presets already narrowed by the file
 * @param timeout the default timeout of one command, if set
 * @param maxTimeout the most the model may ask for, if set
 * @param maxOutputBytes the cap on stdout and on stderr, each, if set
 */
public record ShellSettings(
    List<Program> programs,
    Optional<Duration> timeout,
    Optional<Duration> maxTimeout,
    OptionalInt maxOutputBytes) {
  /**
   * @throws NullPointerException if a component is null
   */
  public ShellSettings {
    programs = List.copyOf(programs);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxTimeout, "maxTimeout");
    Objects.requireNonNull(maxOutputBytes, "maxOutputBytes");
  }
}
