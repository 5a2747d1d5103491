package dev.xct.core.internal.json;

/**
 * Makes JSON text encodable as UTF-8 without loss. Java strings may hold a lone surrogate (half of
 * a pair, as a hostile model can send, raw or as a {@code \ud800} escape); Jackson writes it as is,
 * and a UTF-8 encoder then either fails or replaces it with {@code ?}, so what is read back differs
 * from what was live. Escaping it as {@code \uD800} keeps the JSON valid and the value exact.
 * Stateless and thread-safe.
 */
public final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonText() {}

  /**
   * Returns {@code json} with every lone surrogate replaced by its {@code \}{@code uXXXX} escape;
   * {@code json} itself when it has none. Well-formed pairs are left as they are. Only for text
   * written by a JSON generator, where a surrogate can only appear inside a string literal.
   */
  public static String escapeLoneSurrogates(String json) {
    int first = firstLoneSurrogate(json);
    if (first < 0) {
      return json;
    }
    StringBuilder out = new StringBuilder(json.length() + 16).append(json, 0, first);
    for (int i = first; i < json.length(); i++) {
      char c = json.charAt(i);
      if (isPair(json, i)) {
        out.append(c).append(json.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append("\\u")
            .append(HEX[c >> 12 & 0xF])
            .append(HEX[c >> 8 & 0xF])
            .append(HEX[c >> 4 & 0xF])
            .append(HEX[c & 0xF]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Returns whether {@code text} holds a surrogate that is not half of a well-formed pair. */
  public static boolean hasLoneSurrogate(String text) {
    return firstLoneSurrogate(text) >= 0;
  }

  private static int firstLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        if (!isPair(text, i)) {
          return i;
        }
        i++;
      }
    }
    return -1;
  }

  private static boolean isPair(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }
}
