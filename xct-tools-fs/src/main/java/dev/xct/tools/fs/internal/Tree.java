package dev.xct.tools.fs.internal;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a directory tree through {@link Dir} handles, depth first in name order, never following a
 * symbolic link (links are reported, not entered) and never deeper than asked.
 */
public final class Tree {
  /** What to do after visiting an entry. */
  public enum Next {
    /** Go on, entering the entry if it is a directory. */
    CONTINUE,
    /** Go on, but do not enter this directory. */
    SKIP,
    /** Stop the whole walk. */
    STOP
  }

  /** Receives each entry. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Visits one entry.
     *
     * @param names the entry's path relative to the root, as names
     * @param attributes its attributes, not following a link
     * @param depth 1 for the start directory's children
     */
    Next visit(List<String> names, BasicFileAttributes attributes, int depth) throws IOException;
  }

  private Tree() {}

  /**
   * Walks the children of {@code dir}, whose path relative to the root is {@code prefix}.
   *
   * @return false if a visitor stopped the walk
   */
  public static boolean walk(Dir dir, List<String> prefix, int maxDepth, Visitor visitor)
      throws IOException {
    return walk(dir, prefix, 1, maxDepth, visitor);
  }

  private static boolean walk(
      Dir dir, List<String> prefix, int depth, int maxDepth, Visitor visitor) throws IOException {
    for (String name : dir.list()) {
      BasicFileAttributes attributes;
      try {
        attributes = dir.lstat(name);
      } catch (NoSuchFileException e) {
        continue; // removed since it was listed
      }
      List<String> names = new ArrayList<>(prefix);
      names.add(name);
      Next next = visitor.visit(names, attributes, depth);
      if (next == Next.STOP) {
        return false;
      }
      if (next == Next.CONTINUE
          && attributes.isDirectory()
          && !attributes.isSymbolicLink()
          && depth < maxDepth) {
        try (Dir child = dir.open(name)) {
          if (!walk(child, names, depth + 1, maxDepth, visitor)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
