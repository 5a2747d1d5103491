package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates directories below a root one name at a time. The JDK has no {@code mkdirat}, so each
 * directory is created by path inside an already-opened parent, then proven to be that parent's
 * child by comparing file keys (device and inode); a directory that landed elsewhere because the
 * path was swapped in between is removed again and the call fails with {@code CONFLICT}.
 */
public final class Mkdirs {
  private static final Logger LOG = LoggerFactory.getLogger(Mkdirs.class);

  private Mkdirs() {}

  /**
   * Ensures {@code names} exists as a directory below {@code root}.
   *
   * @param parents whether missing ancestors may be created too
   * @param durable whether each new directory's entry is forced to disk (its parent is)
   * @return the names of each directory created, outermost first
   */
  public static List<List<String>> create(
      Root root, List<String> names, boolean parents, boolean durable, String raw)
      throws IOException {
    List<List<String>> created = new ArrayList<>();
    Dir current = Dirs.openRoot(root);
    try {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        BasicFileAttributes attributes = lstatOrNull(current, name);
        if (attributes == null) {
          if (i < names.size() - 1 && !parents) {
            throw Refusal.of(
                FsErrorCodes.NOT_FOUND,
                "a parent directory of '" + Refusal.shown(raw) + "' does not exist",
                raw);
          }
          if (makeChild(current, name, raw)) {
            created.add(List.copyOf(names.subList(0, i + 1)));
            if (durable) {
              current.force();
            }
          }
        } else if (attributes.isSymbolicLink()) {
          throw Refusal.of(
              FsErrorCodes.CONFLICT, "path '" + Refusal.shown(raw) + "' changed while in use", raw);
        } else if (!attributes.isDirectory()) {
          throw Refusal.of(
              i == names.size() - 1 ? FsErrorCodes.ALREADY_EXISTS : FsErrorCodes.NOT_A_DIRECTORY,
              "a name in '" + Refusal.shown(raw) + "' exists and is not a directory",
              raw);
        }
        Dir next = current.open(name);
        current.close();
        current = next;
      }
    } finally {
      Dirs.closeQuietly(current);
    }
    return created;
  }

  static boolean makeChild(Dir parent, String name, String raw) throws IOException {
    Path path = parent.path().resolve(name);
    try {
      Files.createDirectory(path);
    } catch (FileAlreadyExistsException e) {
      return false; // created concurrently; the caller opens it without following links
    }
    Object made =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    BasicFileAttributes seen = lstatOrNull(parent, name);
    if (seen == null || !seen.isDirectory() || !Objects.equals(seen.fileKey(), made)) {
      try {
        Files.delete(path);
      } catch (IOException e) {
        LOG.warn("could not remove a directory created outside the expected parent", e);
      }
      throw Refusal.of(
          FsErrorCodes.CONFLICT,
          "path '" + Refusal.shown(raw) + "' changed while the directory was being created",
          raw);
    }
    return true;
  }

  static BasicFileAttributes lstatOrNull(Dir dir, String name) throws IOException {
    try {
      return dir.lstat(name);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
