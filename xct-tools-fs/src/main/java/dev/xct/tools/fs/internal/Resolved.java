package dev.xct.tools.fs.internal;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * A path that passed confinement, with what resolution learned about it.
 *
 * @param root the root whose real path contains {@code real}
 * @param real the absolute real path (see {@link dev.xct.tools.fs.PathResolution.Allowed})
 * @param names {@code real} relative to the root's real path, as names; empty for the root
 * @param attributes the attributes of {@code real} read without following a final link, or null
 *     when nothing exists there
 * @param shown the path as the model wrote it, fit to quote in messages
 */
public record Resolved(
    Root root, Path real, List<String> names, BasicFileAttributes attributes, String shown) {
  /** Copies the names. */
  public Resolved {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(real, "real");
    names = List.copyOf(names);
    Objects.requireNonNull(shown, "shown");
  }

  /** Returns whether something exists at the path. */
  public boolean exists() {
    return attributes != null;
  }

  /** Returns whether a directory exists at the path. */
  public boolean isDirectory() {
    return attributes != null && attributes.isDirectory();
  }

  /** Returns whether a regular file exists at the path. */
  public boolean isRegularFile() {
    return attributes != null && attributes.isRegularFile();
  }

  /**
   * Returns whether the path is itself a symbolic link (only when the final link is not followed).
   */
  public boolean isSymbolicLink() {
    return attributes != null && attributes.isSymbolicLink();
  }

  /** Returns whether this is a root itself. */
  public boolean isRoot() {
    return names.isEmpty();
  }

  /** Returns the last name, or empty for a root. */
  public String fileName() {
    return names.isEmpty() ? "" : names.get(names.size() - 1);
  }

  /** Returns the parent directory's names. */
  public List<String> parentNames() {
    return names.isEmpty() ? names : names.subList(0, names.size() - 1);
  }

  /** Returns the path as the tools report it: relative for the primary root, else absolute. */
  public String display() {
    return root.display(real);
  }
}
