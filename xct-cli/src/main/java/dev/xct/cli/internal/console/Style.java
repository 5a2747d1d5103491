package dev.xct.cli.internal.console;

/**
 * Marks text for one of XCT's colours, or for none when colour is off. The colour is applied by
 * {@link TerminalStream#line} after the text is neutralised, so that text from a model, a tool or a
 * file can never bring escape codes of its own. Immutable and thread-safe.
 *
 * @param enabled whether escape codes are written
 */
public record Style(boolean enabled) {
  /** Returns {@code text} in bold. */
  public Styled bold(String text) {
    return wrap("1", text);
  }

  /** Returns {@code text} dimmed, for secondary detail. */
  public Styled dim(String text) {
    return wrap("2", text);
  }

  /** Returns {@code text} in red: vetoes, errors, stops. */
  public Styled red(String text) {
    return wrap("31", text);
  }

  /** Returns {@code text} in green: allowed, succeeded, done. */
  public Styled green(String text) {
    return wrap("32", text);
  }

  /** Returns {@code text} in yellow: approvals and budgets. */
  public Styled yellow(String text) {
    return wrap("33", text);
  }

  /** Returns {@code text} in cyan: what the model proposed. */
  public Styled cyan(String text) {
    return wrap("36", text);
  }

  private Styled wrap(String code, String text) {
    return new Styled(enabled ? code : "", text);
  }
}
