package dev.xct.tools.fs.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a chain of directories from a root, name by name, refusing any link on the way. With a
 * secure directory stream each step is an {@code openat(..., O_NOFOLLOW)} relative to the previous
 * one, so a directory swapped for a link after resolution makes the open fail instead of leading
 * elsewhere.
 */
public final class Dirs {
  private static final Logger LOG = LoggerFactory.getLogger(Dirs.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private Dirs() {}

  /**
   * Opens the root's real path and proves that the handle is the directory that is there now, not a
   * link: the opened directory's device and inode must be those of the path read without following
   * a link in its last name. (Cheaper than opening the parent and then the root with {@code
   * O_NOFOLLOW}, and just as strict.)
   *
   * @throws PathChangedException if the root was replaced, or its last name is now a link
   */
  public static Dir openRoot(Root root) throws IOException {
    Path real = root.real();
    Dir dir = openByPath(real);
    try {
      BasicFileAttributes there = Files.readAttributes(real, BasicFileAttributes.class, NOFOLLOW);
      Object key = dir.attributes().fileKey();
      if (!there.isDirectory() || key == null || !key.equals(there.fileKey())) {
        throw new PathChangedException(real.toString());
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      closeQuietly(dir);
      throw e;
    }
  }

  /** Opens {@code names} below the root; the caller closes the result. */
  public static Dir open(Root root, List<String> names) throws IOException {
    Dir current = openRoot(root);
    try {
      for (String name : names) {
        Dir next = current.open(name);
        current.close();
        current = next;
      }
      return current;
    } catch (IOException | RuntimeException e) {
      closeQuietly(current);
      throw e;
    }
  }

  private static Dir openByPath(Path path) throws IOException {
    DirectoryStream<Path> stream = Files.newDirectoryStream(path);
    Dir secure = SecureDir.wrap(stream, path);
    if (secure != null) {
      return secure;
    }
    stream.close();
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn(
          "this JDK offers no SecureDirectoryStream here; fs tools fall back to path-based"
              + " operations, which a concurrent local process could race (see docs/security.md)");
    }
    return new PathDir(path);
  }

  /** Closes {@code dir}, logging rather than throwing. */
  public static void closeQuietly(Dir dir) {
    try {
      dir.close();
    } catch (IOException e) {
      LOG.debug("closing a directory failed", e);
    }
  }
}
