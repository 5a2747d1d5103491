package dev.xct.tools.fs;

import dev.xct.core.XctException;
import dev.xct.tools.fs.internal.DenyRules;
import dev.xct.tools.fs.internal.PathUse;
import dev.xct.tools.fs.internal.Refusal;
import dev.xct.tools.fs.internal.Resolved;
import dev.xct.tools.fs.internal.Resolver;
import dev.xct.tools.fs.internal.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a path chosen by an untrusted model may be used, and where it really leads.
 *
 * <p>A path is allowed only if all of this holds: it is well-formed (see {@link
 * FsErrorCodes#INVALID_PATH}); relative paths resolve against the first root, absolute ones must
 * lie under a root by whole names (so {@code /allowed_evil} is not under {@code /allowed}); {@code
 * ..} never climbs above the root; every symbolic link is resolved by hand and the real path stays
 * inside a root's real path (for a path that does not exist yet: its nearest existing ancestor);
 * what exists there is a regular file or a directory; no deny glob matches the path as written or
 * as resolved; for {@link PathAccess#WRITE}, the root is read-write; and the {@link HardLinkPolicy}
 * permits the access to a regular file with more than one name (by default neither read nor write
 * is). Refusals never disclose anything outside the roots.
 *
 * <p>A resolution is a check at one moment; the file system may change afterwards. The fs tools
 * therefore resolve again at the moment of use and perform the final operation relative to an
 * opened directory without following links (see {@code docs/security.md}).
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}.
 */
public final class PathConfinement {
  /** Globs denied for every access unless {@link Builder#defaultDenyGlobs(boolean)} is off. */
  public static final List<String> DEFAULT_DENY_GLOBS =
      List.of(
          ".env",
          ".env.*",
          "*.pem",
          "*.key",
          "*.p12",
          "*.pfx",
          "id_rsa*",
          "id_dsa*",
          "id_ecdsa*",
          "id_ed25519*",
          ".ssh",
          ".aws",
          ".netrc",
          ".pgpass",
          ".npmrc",
          ".pypirc",
          ".git-credentials");

  /** Globs denied for writes unless {@link Builder#defaultDenyGlobs(boolean)} is off. */
  public static final List<String> DEFAULT_DENY_WRITE_GLOBS = List.of(".git", ".hg", ".svn");

  private final Resolver resolver;
  private final List<String> denyGlobs;
  private final List<String> denyWriteGlobs;

  private PathConfinement(Resolver resolver, List<String> denyGlobs, List<String> denyWriteGlobs) {
    this.resolver = resolver;
    this.denyGlobs = denyGlobs;
    this.denyWriteGlobs = denyWriteGlobs;
  }

  /** Returns a builder without roots. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves {@code path} (as the model wrote it) for {@code access}. A symbolic link in the last
   * position is followed, so the result is where reads and writes would land.
   */
  public PathResolution resolve(String path, PathAccess access) {
    Objects.requireNonNull(access, "access");
    try {
      return allowed(resolver.resolve(path, PathUse.of(access), true));
    } catch (Refusal refusal) {
      return new PathResolution.Refused(refusal.failure());
    }
  }

  /**
   * Resolves {@code path} relative to {@code directory}, an earlier allowed resolution (a shell's
   * working directory, say). Absolute paths are treated as in {@link #resolve}; relative ones may
   * use {@code ..} to leave the directory but never its root. The directory itself is re-checked.
   *
   * @throws XctException if {@code directory} names a root this confinement does not have
   */
  public PathResolution resolveFrom(
      PathResolution.Allowed directory, String path, PathAccess access) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(access, "access");
    Root base =
        resolver.roots().stream()
            .filter(root -> root.real().equals(directory.root()))
            .findFirst()
            .orElseThrow(
                () -> new XctException("'" + directory.root() + "' is not a root of " + this));
    try {
      return allowed(
          resolver.resolveFrom(
              base, Resolver.names(directory.relative()), path, PathUse.of(access), true));
    } catch (Refusal refusal) {
      return new PathResolution.Refused(refusal.failure());
    }
  }

  /** Returns the real paths of the roots, the primary (first) one first. */
  public List<Path> roots() {
    return resolver.roots().stream().map(Root::real).toList();
  }

  /** Returns the access configured for {@code root} (a path from {@link #roots()}), if any. */
  public java.util.Optional<RootAccess> access(Path root) {
    return resolver.roots().stream()
        .filter(r -> r.real().equals(root))
        .map(Root::access)
        .findFirst();
  }

  /** Returns the globs denied for every access, defaults included. */
  public List<String> denyGlobs() {
    return denyGlobs;
  }

  /** Returns the globs denied for writes, defaults included. */
  public List<String> denyWriteGlobs() {
    return denyWriteGlobs;
  }

  /** Returns the resolver behind this confinement, for the fs tools in this module. */
  Resolver resolver() {
    return resolver;
  }

  private static PathResolution allowed(Resolved resolved) {
    return new PathResolution.Allowed(resolved.real(), resolved.root().real());
  }

  @Override
  public String toString() {
    return "PathConfinement" + roots();
  }

  /** Configures a {@link PathConfinement}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final List<Path> rootPaths = new ArrayList<>();
    private final List<RootAccess> rootAccess = new ArrayList<>();
    private final List<String> denyGlobs = new ArrayList<>();
    private final List<String> denyWriteGlobs = new ArrayList<>();
    private boolean defaults = true;
    private boolean followSymlinks = true;
    private HardLinkPolicy hardLinks = HardLinkPolicy.REFUSE;

    private Builder() {}

    /**
     * Adds a root directory. The first root is the primary one: relative paths resolve against it.
     * The directory must exist when {@link #build()} runs; its real path is taken then.
     */
    public Builder root(Path directory, RootAccess access) {
      rootPaths.add(Objects.requireNonNull(directory, "directory"));
      rootAccess.add(Objects.requireNonNull(access, "access"));
      return this;
    }

    /**
     * Denies every access to paths matching {@code glob}, a {@link
     * dev.xct.core.validate.Glob#forRelativePaths relative path glob}.
     */
    public Builder denyGlob(String glob) {
      denyGlobs.add(Objects.requireNonNull(glob, "glob"));
      return this;
    }

    /**
     * Denies writes to paths matching {@code glob}, a {@link
     * dev.xct.core.validate.Glob#forRelativePaths relative path glob}; reading them stays allowed.
     */
    public Builder denyWriteGlob(String glob) {
      denyWriteGlobs.add(Objects.requireNonNull(glob, "glob"));
      return this;
    }

    /**
     * Sets whether {@link #DEFAULT_DENY_GLOBS} and {@link #DEFAULT_DENY_WRITE_GLOBS} apply (they do
     * by default).
     */
    public Builder defaultDenyGlobs(boolean enabled) {
      this.defaults = enabled;
      return this;
    }

    /**
     * Sets whether symbolic links whose real target stays inside a root are followed (the default).
     * When off, any link on the way is refused with {@code SYMLINK_NOT_ALLOWED}; links leading
     * outside are refused either way.
     */
    public Builder followSymlinks(boolean follow) {
      this.followSymlinks = follow;
      return this;
    }

    /**
     * Sets how regular files with several hard links are treated; default {@link
     * HardLinkPolicy#REFUSE}: neither read nor changed, because another name of the same file may
     * be outside every root or denied. Trees that share files by hard links on purpose (pnpm's
     * {@code node_modules}, {@code cp -al} snapshots) need {@link HardLinkPolicy#REFUSE_WRITES} to
     * be read.
     */
    public Builder hardLinks(HardLinkPolicy policy) {
      this.hardLinks = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Returns the confinement.
     *
     * @throws XctException if there is no root, a root is not an existing directory, or a glob is
     *     malformed
     */
    public PathConfinement build() {
      if (rootPaths.isEmpty()) {
        throw new XctException("a path confinement needs at least one root");
      }
      List<Root> roots = new ArrayList<>();
      for (int i = 0; i < rootPaths.size(); i++) {
        Path given = rootPaths.get(i).toAbsolutePath().normalize();
        Path real;
        try {
          real = given.toRealPath();
        } catch (IOException e) {
          throw new XctException("root '" + given + "' does not exist or cannot be read", e);
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
          throw new XctException("root '" + given + "' is not a directory");
        }
        roots.add(new Root(given, real, rootAccess.get(i), i == 0));
      }
      List<String> all = new ArrayList<>(defaults ? DEFAULT_DENY_GLOBS : List.of());
      all.addAll(denyGlobs);
      List<String> writes = new ArrayList<>(defaults ? DEFAULT_DENY_WRITE_GLOBS : List.of());
      writes.addAll(denyWriteGlobs);
      DenyRules rules = DenyRules.compile(all, writes);
      return new PathConfinement(
          new Resolver(roots, rules, followSymlinks, hardLinks),
          List.copyOf(all),
          List.copyOf(writes));
    }
  }
}
