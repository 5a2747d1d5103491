package dev.xct.tools.shell;

import dev.xct.tools.fs.FsErrorCodes;

/**
 * Names the error codes and result flags of {@code shell.exec}. Codes are stable: models,
 * dashboards and tests may match on them. {@code docs/tools-shell.md} explains each.
 *
 * <p>Validator refusals ({@link #COMMAND_NOT_ALLOWED}, {@link #ARGUMENT_NOT_ALLOWED}, {@link
 * #PATH_OUTSIDE_ROOT}, and {@code INVALID_ARGUMENTS} from the core) happen before anything runs and
 * again, by the same code, when the tool executes.
 */
public final class ShellErrorCodes {
  /** The program is not on the allowlist, or is not a bare name (paths, spaces, look-alikes). */
  public static final String COMMAND_NOT_ALLOWED = "COMMAND_NOT_ALLOWED";

  /**
   * An argument is refused: a denied option in any spelling, a subcommand not allowed, a NUL byte,
   * too many or too long arguments, or a shell metacharacter in the command string.
   */
  public static final String ARGUMENT_NOT_ALLOWED = "ARGUMENT_NOT_ALLOWED";

  /**
   * A path argument or the working directory leaves the root (also through a symbolic link): the
   * code of {@link FsErrorCodes#PATH_OUTSIDE_ROOT}. Paths are checked by {@code xct-tools-fs}, so
   * its other refusals ({@code PATH_DENIED}, {@code INVALID_PATH}, {@code NOT_A_DIRECTORY}...) come
   * back unchanged, with the argument's {@code index} added to the details.
   */
  public static final String PATH_OUTSIDE_ROOT = FsErrorCodes.PATH_OUTSIDE_ROOT;

  /**
   * The git repository the command would use may not be used: it lies outside the roots (a {@code
   * .git} file pointing elsewhere, a work tree's common directory), borrows objects from elsewhere
   * ({@code objects/info/alternates}), or its configuration sets a key outside the safe list of
   * {@code docs/tools-shell.md} (keys that run programs, move the work tree, fetch objects, read
   * other files). Details carry the {@code reason} and, for configuration, the {@code keys}.
   * Checked by the tool right before git runs.
   */
  public static final String REPOSITORY_NOT_ALLOWED = "REPOSITORY_NOT_ALLOWED";

  /** The program ran and exited with a non-zero code; details carry the code and the output. */
  public static final String COMMAND_FAILED = "COMMAND_FAILED";

  /** The program ran past its timeout; it and every process it started were killed. */
  public static final String COMMAND_TIMEOUT = "COMMAND_TIMEOUT";

  /**
   * The program, or the sandbox's {@code bwrap}, could not be started (it vanished since the tools
   * were built), or its private home could not be made.
   */
  public static final String COMMAND_START_FAILED = "COMMAND_START_FAILED";

  /**
   * A flag, not an error code: listed in {@code flags} of a result or of error details when stdout
   * or stderr exceeded its byte cap and was cut.
   */
  public static final String OUTPUT_TRUNCATED = "OUTPUT_TRUNCATED";

  /**
   * A flag, not an error code: a process of the command was still running after repeated kills,
   * typically one the JVM may not signal because it changed user. It is logged as a warning too.
   */
  public static final String PROCESSES_SURVIVED = "PROCESSES_SURVIVED";

  private ShellErrorCodes() {}
}
