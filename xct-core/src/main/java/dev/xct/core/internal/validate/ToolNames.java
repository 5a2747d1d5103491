package dev.xct.core.internal.validate;

import dev.xct.core.internal.json.Snippet;

/**
 * Quotes model-supplied tool names in reasons and details: shortened, and with control, format
 * (bidi) and separator characters and lone surrogates escaped, so a name never carries a terminal
 * escape or a forged line into a message. Stateless and thread-safe.
 */
final class ToolNames {
  private static final int MAX_QUOTED = 100;

  private ToolNames() {}

  /** Returns {@code name} cut to 100 characters (plus an ellipsis when longer) and escaped. */
  static String abbreviate(String name) {
    return Snippet.bounded(name, MAX_QUOTED);
  }
}
