package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.HardLinkPolicy;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Confines paths to roots: picks the root a path starts from, has the {@link Walker} resolve it the
 * way the kernel would (links expanded by hand, {@code ..} as the physical parent), requires the
 * real path it reaches to lie inside a root's real path, then applies the rules for the use: only
 * regular files and directories, the deny globs (on the path as written and as resolved), read-only
 * roots and the hard-link policy.
 *
 * <p>Immutable and thread-safe.
 */
public final class Resolver {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final Roots roots;
  private final DenyRules deny;
  private final Walker walker;
  private final HardLinkPolicy hardLinks;

  /** Creates a resolver; the first root is the primary one. */
  public Resolver(
      List<Root> roots, DenyRules deny, boolean followSymlinks, HardLinkPolicy hardLinks) {
    this.roots = new Roots(roots);
    this.deny = deny;
    this.walker = new Walker(this.roots, followSymlinks);
    this.hardLinks = hardLinks;
  }

  /** Returns the roots in configuration order. */
  public List<Root> roots() {
    return roots.all();
  }

  /** Returns the deny rules. */
  public DenyRules deny() {
    return deny;
  }

  /**
   * Resolves {@code raw} against the primary root (or, if absolute, the root it names).
   *
   * @param followFinal whether a symbolic link in the last position is followed; when not, the
   *     result describes the link itself (for delete and move)
   * @throws Refusal if the path may not be used for {@code use}
   */
  public Resolved resolve(String raw, PathUse use, boolean followFinal) {
    return resolveFrom(null, List.of(), raw, use, followFinal);
  }

  /**
   * Resolves {@code raw} relative to {@code baseNames} inside {@code base} (a relative path may
   * climb out of the base with {@code ..} but never out of the root).
   *
   * @throws Refusal if the path may not be used for {@code use}
   */
  public Resolved resolveFrom(
      Root base, List<String> baseNames, String raw, PathUse use, boolean followFinal) {
    PathSyntax.Parsed parsed = PathSyntax.parse(raw);
    String shown = Refusal.shown(raw);
    Root lexicalRoot;
    List<String> relative = new ArrayList<>();
    if (parsed.absolute()) {
      Roots.Named named = roots.naming(parsed.names()).orElseThrow(() -> Roots.outside(raw));
      lexicalRoot = named.root();
      relative.addAll(parsed.names().subList(named.prefixNames(), parsed.names().size()));
    } else {
      lexicalRoot = base == null ? roots.primary() : base;
      relative.addAll(baseNames);
      relative.addAll(parsed.names());
    }
    List<String> lexical = lexicalNames(relative, raw);
    Walker.Walk walk = walker.walk(lexicalRoot, relative, followFinal, raw);
    Root root = roots.holding(walk.real()).orElseThrow(() -> Roots.outside(raw));
    List<String> names = names(root.real().relativize(walk.real()));
    BasicFileAttributes attributes = walk.attributes();
    if (attributes != null
        && !attributes.isRegularFile()
        && !attributes.isDirectory()
        && !(attributes.isSymbolicLink() && !followFinal)) {
      throw Refusal.of(
          FsErrorCodes.NOT_A_FILE,
          "path '" + shown + "' is not a regular file or directory (a FIFO, device or socket)",
          raw);
    }
    boolean write = use.changes();
    Optional<String> glob = deny.denied(lexical, write);
    if (glob.isEmpty() && !names.equals(lexical)) {
      glob = deny.denied(names, write);
    }
    if (glob.isPresent()) {
      throw Refusal.of(
          FsErrorCodes.PATH_DENIED,
          "path '" + shown + "' is denied by the rule '" + glob.get() + "'",
          raw,
          "rule",
          glob.get());
    }
    if (write && root.access() == RootAccess.READ_ONLY) {
      throw Refusal.of(
          FsErrorCodes.READ_ONLY_ROOT, "path '" + shown + "' is in a read-only root", raw);
    }
    if (attributes != null
        && attributes.isRegularFile()
        && refusesHardLinks(use)
        && linkCount(walk.real()) > 1) {
      throw Refusal.of(
          FsErrorCodes.HARD_LINK_NOT_ALLOWED,
          "file '"
              + shown
              + "' has more than one hard link, so it may be another name of a file outside the"
              + " roots or of a denied file; the hard-link policy refuses to "
              + (write ? "change it" : "read its content"),
          raw);
    }
    return new Resolved(root, walk.real(), names, attributes, shown);
  }

  /**
   * Returns whether the policy refuses a regular file with several names for {@code use}. Metadata
   * is never refused: {@code fs.list} shows the same of every entry, and it is not the content.
   */
  private boolean refusesHardLinks(PathUse use) {
    return switch (hardLinks) {
      case ALLOW -> false;
      case REFUSE_WRITES -> use == PathUse.CHANGE;
      case REFUSE -> use != PathUse.METADATA;
    };
  }

  /** Returns the hard-link count of a file, or 1 where the OS does not report one. */
  public static int linkCount(Path path) {
    try {
      if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
        return (Integer) Files.getAttribute(path, "unix:nlink", NOFOLLOW);
      }
      return 1;
    } catch (IOException e) {
      throw IoErrors.refusal(e, path.getFileName() == null ? "" : path.getFileName().toString());
    }
  }

  private static List<String> lexicalNames(List<String> relative, String raw) {
    List<String> stack = new ArrayList<>();
    for (String name : relative) {
      if (name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (stack.isEmpty()) {
          throw Roots.outside(raw);
        }
        stack.remove(stack.size() - 1);
      } else {
        stack.add(name);
      }
    }
    return stack;
  }

  /** Returns the names of {@code path} (without its root component). */
  public static List<String> names(Path path) {
    List<String> names = new ArrayList<>(path.getNameCount());
    for (Path name : path) {
      String text = name.toString();
      if (!text.isEmpty()) {
        names.add(text);
      }
    }
    return names;
  }
}
