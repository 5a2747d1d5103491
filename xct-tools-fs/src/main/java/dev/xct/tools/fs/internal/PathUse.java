package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.PathAccess;

/**
 * Says what an fs tool does with a path, one step finer than {@link PathAccess}: whether a read
 * takes a file's content or only its metadata decides whether the hard-link policy applies. A hard
 * link's content may be another file's, outside the roots or denied; its name, type, size and times
 * are what {@code fs.list} shows of every entry anyway.
 */
public enum PathUse {
  /** Describe, list or search: type, size, times, links, a directory's entries; never content. */
  METADATA,
  /** Read a file's content. */
  CONTENT,
  /** Create, change, move or delete the path (or something beneath it). */
  CHANGE;

  /**
   * Returns the use {@code access} stands for in {@link dev.xct.tools.fs.PathConfinement}, whose
   * callers (the shell tools) cannot tell a program that reads metadata from one that reads
   * content.
   */
  public static PathUse of(PathAccess access) {
    return access == PathAccess.WRITE ? CHANGE : CONTENT;
  }

  /** Returns whether the path may be changed (write-only deny globs and read-only roots apply). */
  public boolean changes() {
    return this == CHANGE;
  }
}
