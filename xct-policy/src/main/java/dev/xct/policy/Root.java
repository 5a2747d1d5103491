package dev.xct.policy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Names a directory the file and shell tools may use, and how. Immutable and thread-safe.
 *
 * @param path the directory as written in the policy file; relative paths are resolved against the
 *     workspace
 * @param access whether the tools may change what is inside
 */
public record Root(String path, Access access) {

  /** Says whether a root may be changed. */
  public enum Access {
    /** Files may be read and listed, never written or deleted. */
    READ_ONLY,
    /** Files may also be created, changed and deleted. */
    READ_WRITE
  }

  /**
   * @throws NullPointerException if a component is null
   */
  public Root {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
  }

  /** Returns the absolute, normalised directory, resolving a relative path against workspace. */
  public Path resolve(Path workspace) {
    return workspace.toAbsolutePath().resolve(path).normalize();
  }

  /** Returns whether the tools may change files under this root. */
  public boolean writable() {
    return access == Access.READ_WRITE;
  }
}
