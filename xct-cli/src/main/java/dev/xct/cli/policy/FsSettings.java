package dev.xct.cli.policy;

import java.util.List;
import java.util.OptionalLong;

/**
 * Holds a policy file's {@code fs} section: paths refused on top of the roots' own rules, how links
 * are treated and the size limits of the file tools. Immutable and thread-safe.
 *
 * @param deny globs of paths no file tool may touch, in addition to the defaults
 * @param denyWrite globs of paths that may be read but never changed
 * @param defaultDenies whether the built-in deny globs ({@code .env}, keys, {@code .git} for
 *     writes, ...) apply
 * @param followSymlinks whether links whose target stays inside a root are followed
 * @param maxReadBytes the largest file fs.read returns, if set
 * @param maxWriteBytes the largest content fs.write accepts, if set
 */
public record FsSettings(
    List<String> deny,
    List<String> denyWrite,
    boolean defaultDenies,
    boolean followSymlinks,
    OptionalLong maxReadBytes,
    OptionalLong maxWriteBytes) {
  private static final FsSettings DEFAULTS =
      new FsSettings(List.of(), List.of(), true, true, OptionalLong.empty(), OptionalLong.empty());

  /** Copies the lists. */
  public FsSettings {
    deny = List.copyOf(deny);
    denyWrite = List.copyOf(denyWrite);
  }

  /** Returns the settings of a file without an {@code fs} section. */
  public static FsSettings defaults() {
    return DEFAULTS;
  }
}
