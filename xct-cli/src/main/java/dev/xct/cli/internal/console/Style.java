package dev.xct.cli.internal.console;

/**
 * Wraps text in ANSI colours, or leaves it alone when colour is off. Immutable and thread-safe.
 *
 * @param enabled whether escape codes are written
 */
public record Style(boolean enabled) {
  /** Returns {@code text} in bold. */
  public String bold(String text) {
    return wrap("1", text);
  }

  /** Returns {@code text} dimmed, for secondary detail. */
  public String dim(String text) {
    return wrap("2", text);
  }

  /** Returns {@code text} in red: vetoes, errors, stops. */
  public String red(String text) {
    return wrap("31", text);
  }

  /** Returns {@code text} in green: allowed, succeeded, done. */
  public String green(String text) {
    return wrap("32", text);
  }

  /** Returns {@code text} in yellow: approvals and budgets. */
  public String yellow(String text) {
    return wrap("33", text);
  }

  /** Returns {@code text} in cyan: what the model proposed. */
  public String cyan(String text) {
    return wrap("36", text);
  }

  private String wrap(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
