package dev.xct.tools.fs.internal;

/** Fragments shared by the fs tools' JSON Schemas. */
final class Schemas {
  /** The schema of a path argument. */
  static final String PATH =
      """
      {"type": "string", "minLength": 1, "maxLength": 4096,
       "description": "Path relative to the workspace root, '/'-separated (absolute paths only inside a root)."}\
      """;

  /** The schema of an optional SHA-256 for compare-and-swap. */
  static final String SHA256 =
      """
      {"type": "string", "pattern": "^[0-9a-f]{64}$",
       "description": "Lower-case hex SHA-256 the current content must have, else CONFLICT."}\
      """;

  private Schemas() {}
}
