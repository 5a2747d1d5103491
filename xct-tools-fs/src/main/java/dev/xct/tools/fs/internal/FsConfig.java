package dev.xct.tools.fs.internal;

import java.util.Objects;

/**
 * Everything the fs tools share: the resolver and the limits.
 *
 * @param resolver the confinement's resolver
 * @param maxReadBytes largest file {@code fs.read} (and {@code fs.edit}) will load
 * @param maxWriteBytes largest file {@code fs.write} and {@code fs.edit} will produce
 * @param maxEntries most entries {@code fs.list} and {@code fs.find} return, and most entries a
 *     recursive delete or a directory move may touch
 * @param maxVisited most entries {@code fs.find} examines
 * @param maxDiffChars largest diff a preview carries
 * @param durableWrites whether {@code fs.write} and {@code fs.edit} force the new content and the
 *     rename to disk before they report success
 */
public record FsConfig(
    Resolver resolver,
    long maxReadBytes,
    long maxWriteBytes,
    int maxEntries,
    int maxVisited,
    int maxDiffChars,
    boolean durableWrites) {
  /** The deepest directory tree the tools walk. */
  public static final int MAX_DEPTH = 64;

  /**
   * @throws NullPointerException if the resolver is null
   */
  public FsConfig {
    Objects.requireNonNull(resolver, "resolver");
  }

  /** Returns the atomic writer {@code fs.write} and {@code fs.edit} use. */
  public AtomicWriter writer() {
    return AtomicWriter.of(durableWrites);
  }
}
