package dev.xct.tools.fs;

/** Says what tools may do inside one configured root. */
public enum RootAccess {
  /** Paths in the root may be read, listed and searched, never changed. */
  READ_ONLY,
  /** Paths in the root may be read and changed. */
  READ_WRITE
}
