package dev.xct.core.tool;

import dev.xct.core.XctException;

/**
 * Declares advisory properties of a tool that validators, approvers and the model can rely on. A
 * tool cannot be both read-only and destructive.
 *
 * <p>Immutable and thread-safe.
 *
 * @param readOnly the tool never changes state
 * @param destructive the tool may change state in ways that are hard to undo (delete, overwrite);
 *     approval validators gate such tools by default
 * @param idempotent calling the tool twice with the same arguments has the same effect as once
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent) {
  private static final ToolHints NONE = new ToolHints(false, false, false);
  private static final ToolHints READ_ONLY = new ToolHints(true, false, true);

  /**
   * @throws XctException if both {@code readOnly} and {@code destructive} are set
   */
  public ToolHints {
    if (readOnly && destructive) {
      throw new XctException("a tool cannot be both read-only and destructive");
    }
  }

  /** Returns hints that promise nothing: a tool that may change state, not destructively. */
  public static ToolHints none() {
    return NONE;
  }

  /** Returns hints for a read-only (and therefore idempotent) tool. */
  public static ToolHints readOnlyTool() {
    return READ_ONLY;
  }

  /** Returns a copy marked destructive or not; marking it destructive clears read-only. */
  public ToolHints withDestructive(boolean value) {
    return new ToolHints(readOnly && !value, value, idempotent);
  }

  /** Returns a copy marked idempotent. */
  public ToolHints withIdempotent(boolean value) {
    return new ToolHints(readOnly, destructive, value);
  }
}
