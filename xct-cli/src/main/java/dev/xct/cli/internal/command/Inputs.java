package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.agent.Models;
import dev.xct.core.ModelClient;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files and directories a command is given, with messages that say which one, and reads
 * the model configuration of the environment.
 */
final class Inputs {
  private Inputs() {}

  /**
   * @throws CliException with {@link ExitCodes#NO_INPUT} if {@code file} is not a readable file
   */
  static void requireFile(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(
          ExitCodes.NO_INPUT, what + " " + file + " does not exist or is not a file");
    }
    if (!Files.isReadable(file)) {
      throw new CliException(ExitCodes.NO_INPUT, what + " " + file + " cannot be read");
    }
  }

  /**
   * @throws CliException with {@link ExitCodes#NO_INPUT} if {@code directory} is not a directory
   */
  static void requireDirectory(Path directory, String what) {
    if (!Files.isDirectory(directory)) {
      throw new CliException(
          ExitCodes.NO_INPUT, what + " " + directory + " does not exist or is not a directory");
    }
  }

  /**
   * Returns the model the environment configures (see docs/cli.md).
   *
   * @throws CliException with {@link ExitCodes#BAD_CONFIG} naming what is wrong
   */
  static ModelClient model() {
    try {
      return Models.fromEnvironment(System.getenv());
    } catch (Models.ConfigurationException e) {
      throw new CliException(ExitCodes.BAD_CONFIG, e.getMessage());
    }
  }
}
