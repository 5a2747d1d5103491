package dev.xct.core.internal.validate;

/** Shortens model-supplied tool names before they are quoted in reasons and details. */
final class ToolNames {
  private static final int MAX_QUOTED = 100;

  private ToolNames() {}

  /** Returns {@code name}, cut to 100 characters plus an ellipsis when longer. */
  static String abbreviate(String name) {
    return name.length() <= MAX_QUOTED ? name : name.substring(0, MAX_QUOTED) + "…";
  }
}
