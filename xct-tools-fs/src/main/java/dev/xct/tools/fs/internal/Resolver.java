package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.HardLinkPolicy;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confines paths to roots the way the kernel would resolve them, one name at a time: symbolic links
 * are read and expanded by hand (never followed by the OS), {@code ..} means the physical parent,
 * and the final real path must lie inside a root's real path. Any failure met while the walk is
 * outside every root is reported as {@code PATH_OUTSIDE_ROOT}, so the answer never tells whether
 * something outside exists or what it is.
 *
 * <p>Immutable and thread-safe.
 */
public final class Resolver {
  private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);
  private static final int MAX_LINKS = 40;
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final List<Root> roots;
  private final DenyRules deny;
  private final boolean followSymlinks;
  private final HardLinkPolicy hardLinks;

  /** Creates a resolver; the first root is the primary one. */
  public Resolver(
      List<Root> roots, DenyRules deny, boolean followSymlinks, HardLinkPolicy hardLinks) {
    this.roots = List.copyOf(roots);
    this.deny = deny;
    this.followSymlinks = followSymlinks;
    this.hardLinks = hardLinks;
  }

  /** Returns the roots in configuration order. */
  public List<Root> roots() {
    return roots;
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
      lexicalRoot = null;
      int matched = -1;
      for (Root root : roots) {
        for (Path prefix : List.of(root.given(), root.real())) {
          int count = prefix.getNameCount();
          if (count > matched && startsWith(parsed.names(), prefix)) {
            lexicalRoot = root;
            matched = count;
          }
        }
      }
      if (lexicalRoot == null) {
        throw outside(raw);
      }
      relative.addAll(parsed.names().subList(matched, parsed.names().size()));
    } else {
      lexicalRoot = base == null ? roots.get(0) : base;
      relative.addAll(baseNames);
      relative.addAll(parsed.names());
    }
    List<String> lexical = lexicalNames(relative, raw);
    Walk walk = walk(lexicalRoot, relative, followFinal, raw);
    Root root = rootOf(walk.real).orElseThrow(() -> outside(raw));
    List<String> names = names(root.real().relativize(walk.real));
    BasicFileAttributes attributes = walk.attributes;
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
        && linkCount(walk.real) > 1) {
      throw Refusal.of(
          FsErrorCodes.HARD_LINK_NOT_ALLOWED,
          "file '"
              + shown
              + "' has more than one hard link, so it may be another name of a file outside the"
              + " roots or of a denied file; the hard-link policy refuses to "
              + (write ? "change it" : "read its content"),
          raw);
    }
    return new Resolved(root, walk.real, names, attributes, shown);
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

  /** Returns the most specific root whose real path contains {@code real}. */
  public Optional<Root> rootOf(Path real) {
    Root best = null;
    for (Root root : roots) {
      if (root.contains(real)
          && (best == null || root.real().getNameCount() > best.real().getNameCount())) {
        best = root;
      }
    }
    return Optional.ofNullable(best);
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

  private record Walk(Path real, BasicFileAttributes attributes) {}

  private Walk walk(Root start, List<String> relative, boolean followFinal, String raw) {
    checkRootIntact(start, raw);
    Deque<String> pending = new ArrayDeque<>(relative);
    Path current = start.real();
    // The attributes of current, when the walk has just read them; spares reading them again.
    BasicFileAttributes known = null;
    boolean missing = false;
    int links = 0;
    while (!pending.isEmpty()) {
      String name = pending.pollFirst();
      if (name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (missing) {
          throw fail(
              current, raw, FsErrorCodes.NOT_FOUND, "a directory in the path does not exist");
        }
        current = current.getParent() == null ? current : current.getParent();
        known = null;
        continue;
      }
      Path next = current.resolve(name);
      if (missing) {
        current = next;
        continue;
      }
      BasicFileAttributes attributes = lstat(next, current, raw);
      if (attributes == null) {
        missing = true;
        current = next;
        continue;
      }
      if (attributes.isSymbolicLink() && (followFinal || !pending.isEmpty())) {
        if (!followSymlinks) {
          throw fail(
              current,
              raw,
              FsErrorCodes.SYMLINK_NOT_ALLOWED,
              "the path goes through a symbolic link, and links are not followed");
        }
        if (++links > MAX_LINKS) {
          throw fail(current, raw, FsErrorCodes.INVALID_PATH, "too many symbolic links");
        }
        Path target = readLink(next, current, raw);
        List<String> expanded = names(target);
        for (int i = expanded.size() - 1; i >= 0; i--) {
          pending.addFirst(expanded.get(i));
        }
        if (target.isAbsolute()) {
          current = target.getRoot();
        }
        known = null;
        continue;
      }
      if (!pending.isEmpty() && !attributes.isDirectory()) {
        throw fail(
            current, raw, FsErrorCodes.NOT_A_DIRECTORY, "a name in the path is not a directory");
      }
      current = next;
      known = attributes;
    }
    BasicFileAttributes attributes =
        missing ? null : known != null ? known : lstat(current, current, raw);
    return new Walk(current, attributes);
  }

  private void checkRootIntact(Root root, String raw) {
    try {
      if (!Files.isDirectory(root.real(), NOFOLLOW)
          || !root.real().toRealPath().equals(root.real())) {
        throw new NoSuchFileException("root");
      }
    } catch (IOException e) {
      LOG.warn("root {} is no longer the directory it was at build time", root.real());
      throw Refusal.of(
          FsErrorCodes.PATH_OUTSIDE_ROOT,
          "the root of path '" + Refusal.shown(raw) + "' is no longer available",
          raw);
    }
  }

  private BasicFileAttributes lstat(Path path, Path where, String raw) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    } catch (FileSystemException e) {
      if (e.getReason() != null && e.getReason().contains("Not a directory")) {
        throw fail(
            where, raw, FsErrorCodes.NOT_A_DIRECTORY, "a name in the path is not a directory");
      }
      throw insideOr(where, raw, e);
    } catch (IOException e) {
      throw insideOr(where, raw, e);
    }
  }

  private Path readLink(Path link, Path where, String raw) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException e) {
      throw insideOr(where, raw, e);
    }
  }

  private Refusal insideOr(Path where, String raw, IOException e) {
    return rootOf(where).isPresent() ? IoErrors.refusal(e, raw) : outside(raw);
  }

  private Refusal fail(Path where, String raw, String code, String why) {
    if (rootOf(where).isEmpty()) {
      return outside(raw);
    }
    return Refusal.of(code, "path '" + Refusal.shown(raw) + "' cannot be used: " + why, raw);
  }

  private static Refusal outside(String raw) {
    return Refusal.of(
        FsErrorCodes.PATH_OUTSIDE_ROOT,
        "path '" + Refusal.shown(raw) + "' resolves outside the allowed roots",
        raw);
  }

  private static List<String> lexicalNames(List<String> relative, String raw) {
    List<String> stack = new ArrayList<>();
    for (String name : relative) {
      if (name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (stack.isEmpty()) {
          throw outside(raw);
        }
        stack.remove(stack.size() - 1);
      } else {
        stack.add(name);
      }
    }
    return stack;
  }

  private static boolean startsWith(List<String> names, Path prefix) {
    if (names.size() < prefix.getNameCount()) {
      return false;
    }
    for (int i = 0; i < prefix.getNameCount(); i++) {
      if (!prefix.getName(i).toString().equals(names.get(i))) {
        return false;
      }
    }
    return true;
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
