package dev.xct.policy;

import dev.xct.core.XctException;
import dev.xct.tools.fs.HardLinkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Holds a policy file's {@code fs} section: paths refused on top of the roots' own rules, how links
 * are treated and the size limits of the file tools: settings of {@code PathConfinement} and {@code
 * FsTools}.
 *
 * <p>Immutable and thread-safe, with value equality. Build with {@link #builder()}; {@link
 * #defaults()} is a file without the section.
 */
public final class FsSettings {
  private static final FsSettings DEFAULTS = builder().build();

  private final List<String> deny;
  private final List<String> denyWrite;
  private final boolean defaultDenies;
  private final boolean followSymlinks;
  private final HardLinkPolicy hardLinks;
  private final OptionalLong maxReadBytes;
  private final OptionalLong maxWriteBytes;

  private FsSettings(Builder b) {
    this.deny = List.copyOf(b.deny);
    this.denyWrite = List.copyOf(b.denyWrite);
    this.defaultDenies = b.defaultDenies;
    this.followSymlinks = b.followSymlinks;
    this.hardLinks = b.hardLinks;
    this.maxReadBytes = b.maxReadBytes;
    this.maxWriteBytes = b.maxWriteBytes;
  }

  /** Returns the settings of a file without an {@code fs} section. */
  public static FsSettings defaults() {
    return DEFAULTS;
  }

  /** Returns a builder of the defaults: no extra globs, default denies, links followed. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b =
        builder()
            .deny(deny)
            .denyWrite(denyWrite)
            .defaultDenies(defaultDenies)
            .followSymlinks(followSymlinks)
            .hardLinks(hardLinks);
    maxReadBytes.ifPresent(b::maxReadBytes);
    maxWriteBytes.ifPresent(b::maxWriteBytes);
    return b;
  }

  /** Returns globs of paths no file tool may touch, in addition to the defaults. */
  public List<String> deny() {
    return deny;
  }

  /** Returns globs of paths that may be read but never changed. */
  public List<String> denyWrite() {
    return denyWrite;
  }

  /**
   * Returns whether the built-in deny globs ({@code .env}, keys, {@code .git} for writes) apply.
   */
  public boolean defaultDenies() {
    return defaultDenies;
  }

  /** Returns whether links whose target stays inside a root are followed. */
  public boolean followSymlinks() {
    return followSymlinks;
  }

  /**
   * Returns how files with more than one hard link are treated; by default neither read nor
   * changed.
   */
  public HardLinkPolicy hardLinks() {
    return hardLinks;
  }

  /** Returns the largest file fs.read returns, if set. */
  public OptionalLong maxReadBytes() {
    return maxReadBytes;
  }

  /** Returns the largest content fs.write accepts, if set. */
  public OptionalLong maxWriteBytes() {
    return maxWriteBytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FsSettings that && key().equals(that.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return "FsSettings" + key();
  }

  private List<Object> key() {
    return List.of(
        deny, denyWrite, defaultDenies, followSymlinks, hardLinks, maxReadBytes, maxWriteBytes);
  }

  /** Configures {@link FsSettings}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final List<String> deny = new ArrayList<>();
    private final List<String> denyWrite = new ArrayList<>();
    private boolean defaultDenies = true;
    private boolean followSymlinks = true;
    private HardLinkPolicy hardLinks = HardLinkPolicy.REFUSE;
    private OptionalLong maxReadBytes = OptionalLong.empty();
    private OptionalLong maxWriteBytes = OptionalLong.empty();

    private Builder() {}

    /** Sets the globs of paths no file tool may touch, replacing those set before. */
    public Builder deny(List<String> globs) {
      List<String> copy = List.copyOf(globs);
      deny.clear();
      deny.addAll(copy);
      return this;
    }

    /** Sets the globs of paths that may be read but never changed, replacing those set before. */
    public Builder denyWrite(List<String> globs) {
      List<String> copy = List.copyOf(globs);
      denyWrite.clear();
      denyWrite.addAll(copy);
      return this;
    }

    /** Sets whether the built-in deny globs apply; true by default. */
    public Builder defaultDenies(boolean apply) {
      this.defaultDenies = apply;
      return this;
    }

    /** Sets whether links whose target stays inside a root are followed; true by default. */
    public Builder followSymlinks(boolean follow) {
      this.followSymlinks = follow;
      return this;
    }

    /** Sets how files with more than one hard link are treated; {@code REFUSE} by default. */
    public Builder hardLinks(HardLinkPolicy policy) {
      this.hardLinks = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the largest file fs.read returns; unset, the tool's own default applies.
     *
     * @throws XctException if not positive
     */
    public Builder maxReadBytes(long bytes) {
      this.maxReadBytes = OptionalLong.of(positive("maxReadBytes", bytes));
      return this;
    }

    /**
     * Sets the largest content fs.write accepts; unset, the tool's own default applies.
     *
     * @throws XctException if not positive
     */
    public Builder maxWriteBytes(long bytes) {
      this.maxWriteBytes = OptionalLong.of(positive("maxWriteBytes", bytes));
      return this;
    }

    private static long positive(String name, long value) {
      if (value <= 0) {
        throw new XctException(name + " must be positive, was: " + value);
      }
      return value;
    }

    /** Returns the immutable settings. */
    public FsSettings build() {
      return new FsSettings(this);
    }
  }
}
