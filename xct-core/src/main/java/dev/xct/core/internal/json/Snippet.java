package dev.xct.core.internal.json;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Quotes fragments of untrusted model text into error messages: bounded in length, with control,
 * format and separator characters and unpaired surrogates escaped, so a message never echoes
 * unbounded or invisible model output. Stateless and thread-safe.
 */
public final class Snippet {
  /** The most characters of model text quoted in one fragment. */
  public static final int MAX_QUOTED = 40;

  private Snippet() {}

  /** Returns {@code text} in double quotes, cut to {@link #MAX_QUOTED} characters and escaped. */
  public static String quote(String text) {
    return '"' + escape(text, MAX_QUOTED, true) + '"';
  }

  /**
   * Returns {@code text} cut to at most {@code max} characters (plus an ellipsis when cut), with
   * control, format and separator characters and unpaired surrogates escaped as {@code \\uXXXX}.
   */
  public static String bounded(String text, int max) {
    return escape(text, max, false);
  }

  private static String escape(String text, int max, boolean quoted) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    int shown = 0;
    for (int i = 0; i < text.length(); i++) {
      if (shown == max) {
        return out.append('…').toString();
      }
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        out.append(c).append(text.charAt(++i));
      } else if (quoted && (c == '"' || c == '\\')) {
        out.append('\\').append(c);
      } else if (invisible(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
      shown++;
    }
    return out.toString();
  }

  /** Control, format (byte order marks, bidi overrides), separator and unpaired surrogate chars. */
  private static boolean invisible(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** Describes a JSON value for a message: its type, and its (bounded) text for scalars. */
  public static String describe(JsonNode node) {
    if (node.isString()) {
      return "the string " + quote(node.stringValue());
    }
    if (node.isNumber()) {
      return "the number " + bounded(node.toString(), MAX_QUOTED);
    }
    if (node.isBoolean() || node.isNull()) {
      return node.toString();
    }
    return node.isArray() ? "an array" : "an object";
  }

  /** Returns a JSON Pointer (RFC 6901) segment for {@code name}, bounded like {@link #quote}. */
  public static String pointerSegment(String name) {
    return '/' + escape(name, MAX_QUOTED, false).replace("~", "~0").replace("/", "~1");
  }
}
