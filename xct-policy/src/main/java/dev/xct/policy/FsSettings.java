package dev.xct.policy;

import dev.xct.tools.fs.HardLinkPolicy;
import java.util.List;
import java.util.Objects;
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
 * @param hardLinks how files with more than one hard link are treated ({@code hard_links}; by
 *     default neither read nor changed)
 * @param maxReadBytes the largest file fs.read returns, if set
 * @param maxWriteBytes the largest content fs.write accepts, if set
 */
public record FsSettings(
    List<String> deny,
    List<String> denyWrite,
    boolean defaultDenies,
    boolean followSymlinks,
    HardLinkPolicy hardLinks,
    OptionalLong maxReadBytes,
    OptionalLong maxWriteBytes) {
  private static final FsSettings DEFAULTS =
      new FsSettings(
          List.of(),
          List.of(),
          true,
          true,
          HardLinkPolicy.REFUSE,
          OptionalLong.empty(),
          OptionalLong.empty());

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a component is null
   */
  public FsSettings {
    deny = List.copyOf(deny);
    denyWrite = List.copyOf(denyWrite);
    Objects.requireNonNull(hardLinks, "hardLinks");
    Objects.requireNonNull(maxReadBytes, "maxReadBytes");
    Objects.requireNonNull(maxWriteBytes, "maxWriteBytes");
  }

  /** Returns the settings of a file without an {@code fs} section. */
  public static FsSettings defaults() {
    return DEFAULTS;
  }
}
