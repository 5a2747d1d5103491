package dev.xct.tools.shell;

import dev.xct.core.XctException;
import java.util.Objects;

/**
 * Reports that {@link ShellTools.Builder#build()} refused its configuration, and which setting to
 * change: a program of the allowlist, a root, the PATH, the sandbox, a limit or the tool's name.
 * The message says the same to a person; {@link #setting()} and {@link #subject()} let an
 * application that reads the configuration from a file point at the entry to fix, as {@code
 * xct-policy} does.
 *
 * <p>Immutable and thread-safe.
 */
public final class ShellConfigurationException extends XctException {
  private static final long serialVersionUID = 1L;

  /** The part of the configuration a refusal concerns. */
  public enum Setting {
    /** {@link ShellTools.Builder#toolName}; the subject is the name. */
    TOOL_NAME,
    /** The roots of {@link ShellTools.Builder#confinement}; the subject is the root, if one. */
    ROOT,
    /** {@link ShellTools.Builder#searchPath}; the subject is the directory, if one. */
    SEARCH_PATH,
    /**
     * A program of {@link ShellTools.Builder#allow}: not found, a shell or an interpreter, an
     * undeclared launcher, a rule that says nothing about its options; the subject is its name, or
     * empty when no program is allowed at all.
     */
    PROGRAM,
    /** The timeouts and the output, stdin and argv limits; the subject is empty. */
    LIMIT,
    /** {@link ShellTools.Builder#sandbox}: bubblewrap missing or unable to start; no subject. */
    SANDBOX
  }

  private final Setting setting;
  private final String subject;

  /**
   * Creates the exception.
   *
   * @param setting the part of the configuration refused
   * @param subject the program's name, the root or the directory the refusal names, or empty
   * @param message what is wrong and what to do, for a person
   */
  public ShellConfigurationException(Setting setting, String subject, String message) {
    super(message);
    this.setting = Objects.requireNonNull(setting, "setting");
    this.subject = Objects.requireNonNull(subject, "subject");
  }

  /** Returns the part of the configuration refused. */
  public Setting setting() {
    return setting;
  }

  /**
   * Returns the program's name, the root or the directory the refusal names, as described on each
   * {@link Setting}; empty when it names none.
   */
  public String subject() {
    return subject;
  }
}
