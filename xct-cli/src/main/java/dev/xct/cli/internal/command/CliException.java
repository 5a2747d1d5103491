package dev.xct.cli.internal.command;

/**
 * Ends a command with an exit code and a message for the person at the terminal, never a stack
 * trace: bad flags, missing files, malformed inputs. Immutable.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** Creates the exception; {@code message} is printed as it is. */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Returns the exit code the process ends with. */
  public int exitCode() {
    return exitCode;
  }
}
