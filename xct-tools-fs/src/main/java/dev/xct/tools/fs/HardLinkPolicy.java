package dev.xct.tools.fs;

/**
 * Says how {@link PathConfinement} treats a regular file that has more than one name (a hard link
 * count above one). Another name of the same file may live outside every root, or match a deny glob
 * ({@code ln .env notes}), and a hard link cannot be told apart from its original, so such a file
 * is shared with an unknown place. Directories cannot be hard-linked, so only regular files are
 * checked; the count is read when the path is resolved, which the fs tools do again at the moment
 * of use.
 *
 * <p>Only content and changes are ever refused: {@code fs.stat}, {@code fs.list} and {@code
 * fs.find} describe such a file (type, size, times, permissions, link count) under every policy.
 * Through {@link PathConfinement#resolve}, whose callers cannot tell metadata from content, {@link
 * PathAccess#READ} counts as reading content.
 */
public enum HardLinkPolicy {
  /**
   * Hard-linked files may be read and written; {@code fs.write} and {@code fs.edit} replace the
   * name with a new file, so the other names keep the old content.
   */
  ALLOW,
  /**
   * Hard-linked files may be read but not written, moved or deleted: the opt-out for trees that
   * share files by hard links on purpose. Reads may then return a file outside the roots, or one a
   * deny glob forbids under its other name.
   */
  REFUSE_WRITES,
  /**
   * Hard-linked files may be neither read nor written, moved or deleted (the default); their
   * metadata stays visible.
   */
  REFUSE
}
