package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.RootAccess;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One configured root: the absolute, normalized path as configured, its real path at build time,
 * and what may be done inside it.
 *
 * @param given the configured path, absolute and normalized (may contain symbolic links)
 * @param real the real path at build time: every operation is measured against it
 * @param access read-only or read-write
 * @param primary whether relative paths resolve against this root (the first one configured)
 */
public record Root(Path given, Path real, RootAccess access, boolean primary) {
  /**
   * @throws NullPointerException if a component is null
   */
  public Root {
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(real, "real");
    Objects.requireNonNull(access, "access");
  }

  /** Returns whether {@code path} is this root's real path or inside it (by whole names). */
  public boolean contains(Path path) {
    return path.startsWith(real);
  }

  /** Returns how a path inside this root is shown to the model: relative for the primary root. */
  public String display(Path realPath) {
    if (!primary) {
      return realPath.toString();
    }
    String relative = real.relativize(realPath).toString();
    return relative.isEmpty() ? "." : relative.replace('\\', '/');
  }
}
