package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a path from a root the way the kernel would resolve it, one name at a time: symbolic links
 * are read and expanded by hand (never followed by the OS), {@code ..} means the physical parent,
 * and nothing is opened. Any failure met while the walk is outside every root is reported as {@code
 * PATH_OUTSIDE_ROOT}, so the answer never tells whether something outside exists or what it is.
 * Where the walk ends is for the {@link Resolver} to judge.
 *
 * <p>Immutable and thread-safe.
 */
final class Walker {
  private static final Logger LOG = LoggerFactory.getLogger(Walker.class);
  private static final int MAX_LINKS = 40;
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final Roots roots;
  private final boolean followSymlinks;

  /** Creates a walker that follows symbolic links only if {@code followSymlinks}. */
  Walker(Roots roots, boolean followSymlinks) {
    this.roots = roots;
    this.followSymlinks = followSymlinks;
  }

  /**
   * Where a walk ended.
   *
   * @param real the real path reached
   * @param attributes its attributes (not following a final link), or null if it does not exist
   */
  record Walk(Path real, BasicFileAttributes attributes) {}

  /**
   * Walks {@code relative} from {@code start}; a symbolic link in the last position is expanded
   * only if {@code followFinal}.
   *
   * @throws Refusal if the walk cannot go on
   */
  Walk walk(Root start, List<String> relative, boolean followFinal, String raw) {
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
        List<String> expanded = Resolver.names(target);
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
    return roots.holding(where).isPresent() ? IoErrors.refusal(e, raw) : Roots.outside(raw);
  }

  private Refusal fail(Path where, String raw, String code, String why) {
    if (roots.holding(where).isEmpty()) {
      return Roots.outside(raw);
    }
    return Refusal.of(code, "path '" + Refusal.shown(raw) + "' cannot be used: " + why, raw);
  }
}
