package dev.xct.tools.shell;

/**
 * Names what an option takes, which decides how the checker reads the argument after it.
 *
 * <p>Getting a kind wrong in the permissive direction is what lets a path slip past the checks: a
 * flag declared as {@link #VALUE} hides the next argument, a file declared as {@link #VALUE} is
 * never confined, and an optional value declared as required hides an operand. {@link Presets}
 * declare the kinds of the shipped programs as their Debian 12 versions parse them.
 *
 * <p>Immutable and thread-safe.
 */
public enum OptionKind {
  /** Takes no value. An attached value ({@code --flag=x}) is still checked as a path. */
  FLAG,

  /** Requires a value that is not a path, attached ({@code --name=v}, {@code -nv}) or next. */
  VALUE,

  /**
   * Requires a value that names a file or directory, attached or next; confined like an operand.
   */
  PATH,

  /**
   * Takes an optional value that is not a path, only attached ({@code --color=auto}, {@code -U5}):
   * a separate next argument is an operand, and is path-checked as one.
   */
  OPTIONAL_VALUE,

  /** Takes an optional, attached-only value that names a file or directory; confined. */
  OPTIONAL_PATH;

  /** Returns whether a value may come as the next argument. */
  public boolean takesSeparateValue() {
    return this == VALUE || this == PATH;
  }

  /** Returns whether the value, when there is one, is a path. */
  public boolean valueIsPath() {
    return this == PATH || this == OPTIONAL_PATH;
  }
}
