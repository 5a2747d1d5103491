package dev.xct.policy;

import java.util.Objects;

/**
 * Describes one thing wrong with a policy file (a problem), or one setting that weakens a boundary
 * (a warning): where it is, which field, and what was expected or what it allows. Immutable and
 * thread-safe.
 *
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param column the 1-based column, or 0 when unknown
 * @param field the field's path in the file, such as {@code rules[2].when./path}; empty for the
 *     whole file
 * @param message what is wrong and what was expected
 */
public record PolicyProblem(int line, int column, String field, String message) {
  /**
   * @throws NullPointerException if a component is null
   */
  public PolicyProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** Returns {@code FILE:LINE:COLUMN: FIELD: MESSAGE}, the form editors and terminals link. */
  public String format(String file) {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    out.append(": ");
    if (!field.isEmpty()) {
      out.append(field).append(": ");
    }
    return out.append(message).toString();
  }
}
