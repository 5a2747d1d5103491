package dev.xct.tools.fs;

/**
 * Says what the caller intends to do with a path, so that {@link PathConfinement} applies the right
 * rules: write-only deny globs and read-only roots apply to {@link #WRITE} only; the {@link
 * HardLinkPolicy} says which of the two it refuses for a file with several names.
 */
public enum PathAccess {
  /**
   * Read, list, stat or search; the path is never changed. A file read this way may have its
   * content read, so the hard-link policy's refusal of reads applies.
   */
  READ,
  /** Create, change, move or delete the path (or something beneath it). */
  WRITE
}
