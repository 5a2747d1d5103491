package dev.xct.tools.shell.internal.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds a command that passed every check and is ready to run.
 *
 * @param command the OS argv: absolute executables, the integrator's fixed arguments and the
 *     model's checked arguments
 * @param modelArgv what the model asked for, for results and logs
 * @param directory the working directory, a real path inside the root
 * @param stdin the text fed to the program, or empty for a closed stdin
 * @param timeout how long it may run, already capped by the configured maximum
 * @param environment variables the programs' rules add to the scrubbed base environment
 */
public record PreparedCommand(
    List<String> command,
    List<String> modelArgv,
    Path directory,
    Optional<String> stdin,
    Duration timeout,
    Map<String, String> environment) {
  /** Copies the collections. */
  public PreparedCommand {
    command = List.copyOf(command);
    modelArgv = List.copyOf(modelArgv);
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(timeout, "timeout");
    environment = Map.copyOf(environment);
  }
}
