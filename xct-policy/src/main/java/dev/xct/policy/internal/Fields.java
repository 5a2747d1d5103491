package dev.xct.policy.internal;

/** Formats JSON Pointers into a policy file as the field paths people read. Stateless. */
final class Fields {
  private Fields() {}

  /** Returns {@code rules[2].when["/path"].glob} for {@code /rules/2/when/~1path/glob}. */
  static String display(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      if (segment.matches("[0-9]+")) {
        out.append('[').append(segment).append(']');
      } else if (segment.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        out.append(out.length() == 0 ? "" : ".").append(segment);
      } else {
        out.append("[\"").append(segment.replace("\"", "\\\"")).append("\"]");
      }
    }
    return out.toString();
  }
}
