package dev.xct.core.tool;

import java.util.Objects;

/**
 * Describes one way in which arguments fail a tool's input schema.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pointer JSON Pointer (RFC 6901) to the offending value, {@code ""} for the whole object;
 *     for a missing or surplus member, the pointer of that member
 * @param keyword the schema keyword that failed, such as {@code required} or {@code type}
 * @param message a readable explanation
 */
public record SchemaViolation(String pointer, String keyword, String message) {
  /**
   * @throws NullPointerException if a component is null
   */
  public SchemaViolation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
  }
}
