package dev.xct.tools.fs;

/**
 * Says what the caller intends to do with a path, so that {@link PathConfinement} applies the right
 * rules: write-only deny globs, read-only roots and the hard-link policy apply to {@link #WRITE}
 * only.
 */
public enum PathAccess {
  /** Read, list, stat or search; the path is never changed. */
  READ,
  /** Create, change, move or delete the path (or something beneath it). */
  WRITE
}
