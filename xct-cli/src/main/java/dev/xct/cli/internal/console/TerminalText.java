package dev.xct.cli.internal.console;

/**
 * Neutralises text on its way to a terminal: every character that could steer the terminal, or
 * hide, reorder or invent what a person reads, is replaced by a visible escape, so that the screen
 * shows what the text holds. Stateless and thread-safe.
 *
 * <p>Replaced: control characters (C0, DEL and C1: ESC, BEL, CR, backspace…), format characters
 * (bidirectional controls such as U+202E and U+2066–U+2069, zero-width characters, the soft hyphen,
 * tag characters), the line and paragraph separators, lone surrogates, and the invisible characters
 * Unicode asks renderers to ignore (Hangul fillers, the combining grapheme joiner, unassigned code
 * points in the default-ignorable ranges). Newline, carriage return and tab read {@code \n}, {@code
 * \r} and {@code \t}; every other one reads as its UTF-16 code units, <code>&#92;u001B</code>, as
 * Jackson writes them in JSON, so that escaping JSON text leaves it valid JSON with the same
 * meaning and a character reads the same in a JSON argument and in plain text. Backslashes are left
 * alone.
 */
final class TerminalText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private TerminalText() {}

  /** Returns {@code text} neutralised, its newlines (and CRLF line ends) and tabs kept. */
  static String neutralise(CharSequence text) {
    return escape(text, true);
  }

  /** Returns {@code text} neutralised onto one line: newlines and tabs are escaped too. */
  static String oneLine(CharSequence text) {
    return escape(text, false);
  }

  /** Returns whether {@code codePoint} may steer a terminal or hide text, whatever the context. */
  static boolean steers(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return true;
      case Character.UNASSIGNED:
        return (codePoint >= 0x2060 && codePoint <= 0x206f)
            || (codePoint >= 0xfff0 && codePoint <= 0xfff8)
            || (codePoint >= 0xe0000 && codePoint <= 0xe0fff);
      default:
        return codePoint == 0x034f // combining grapheme joiner
            || codePoint == 0x115f // Hangul fillers
            || codePoint == 0x1160
            || codePoint == 0x3164
            || codePoint == 0xffa0
            || codePoint == 0x17b4 // Khmer inherent vowels, invisible
            || codePoint == 0x17b5;
    }
  }

  private static String escape(CharSequence text, boolean keepLines) {
    StringBuilder out = null;
    int length = text.length();
    for (int i = 0; i < length; ) {
      int codePoint = Character.codePointAt(text, i);
      int next = i + Character.charCount(codePoint);
      boolean kept =
          !steers(codePoint)
              || (keepLines
                  && (codePoint == '\n'
                      || codePoint == '\t'
                      || (codePoint == '\r' && next < length && text.charAt(next) == '\n')));
      if (!kept && out == null) {
        out = new StringBuilder(length + 16).append(text, 0, i);
      }
      if (out != null) {
        if (kept) {
          out.append(text, i, next);
        } else {
          visible(out, text, i, next);
        }
      }
      i = next;
    }
    return out == null ? text.toString() : out.toString();
  }

  private static void visible(StringBuilder out, CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append("\\u")
            .append(HEX[c >> 12 & 0xf])
            .append(HEX[c >> 8 & 0xf])
            .append(HEX[c >> 4 & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
  }
}
