package dev.xct.cli.internal.console;

/**
 * Holds text that XCT will show in one of its colours. Only {@link Style} makes one, and only
 * {@link TerminalStream#line} turns it into escape codes, around the text neutralised: the colours
 * are XCT's, never the text's. Anywhere else it reads as its plain text, so that gluing it to a
 * string loses the colour, never the safety. Immutable and thread-safe.
 */
public final class Styled implements CharSequence {
  private final String sgr;
  private final String text;

  /** {@code sgr} is the Select Graphic Rendition code, empty for no colour. */
  Styled(String sgr, String text) {
    this.sgr = sgr;
    this.text = text;
  }

  /** Returns the escape code's parameters, such as {@code 31} for red; empty without colour. */
  String sgr() {
    return sgr;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  /** Returns the plain text, without colour. */
  @Override
  public String toString() {
    return text;
  }
}
