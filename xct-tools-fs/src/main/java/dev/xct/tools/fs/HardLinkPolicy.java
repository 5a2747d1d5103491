package dev.xct.tools.fs;

/**
 * Says how {@link PathConfinement} treats a regular file that has more than one name (a hard link
 * count above one). Another name of the same file may live outside every root, and a hard link
 * cannot be told apart from its original, so such a file is shared with an unknown place.
 */
public enum HardLinkPolicy {
  /** Hard-linked files may be read and written. */
  ALLOW,
  /** Hard-linked files may be read but not written, moved or deleted (the default). */
  REFUSE_WRITES,
  /** Hard-linked files may not be used at all. */
  REFUSE
}
