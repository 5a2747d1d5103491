package dev.xct.model.openai.internal;

/** The output shaping one request is sent with; JSON_SCHEMA mode steps down this list. */
public enum Format {
  /** {@code json_schema}, strict, with the wrapped schema. */
  STRICT_SCHEMA,
  /** {@code json_schema}, not strict, with the exact schema. */
  EXACT_SCHEMA,
  /** {@code json_object}. */
  JSON_OBJECT,
  /** Native tool calling. */
  TOOLS,
  /** Nothing: the prompt alone. */
  NONE;

  /** Returns the next weaker format after a rejected {@code response_format}, or null. */
  public Format weaker() {
    return switch (this) {
      case STRICT_SCHEMA -> EXACT_SCHEMA;
      case EXACT_SCHEMA -> JSON_OBJECT;
      default -> null;
    };
  }
}
