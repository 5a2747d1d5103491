package dev.xct.tools.fs;

import dev.xct.core.protocol.Result;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Holds the outcome of confining one path: {@link Allowed} with the real location inside a root, or
 * {@link Refused} with the failure to send back to the model.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface PathResolution permits PathResolution.Allowed, PathResolution.Refused {

  /** Returns whether the path was allowed. */
  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /**
   * A path that stays inside a root.
   *
   * @param resolved the absolute real path: every symbolic link resolved; for a path that does not
   *     exist yet, its nearest existing ancestor's real path followed by the remaining names
   * @param root the real path of the root that contains {@code resolved}
   */
  record Allowed(Path resolved, Path root) implements PathResolution {
    /**
     * @throws IllegalArgumentException if {@code resolved} is not inside {@code root}
     */
    public Allowed {
      Objects.requireNonNull(resolved, "resolved");
      Objects.requireNonNull(root, "root");
      if (!resolved.startsWith(root)) {
        throw new IllegalArgumentException(resolved + " is not inside " + root);
      }
    }

    /** Returns the resolved path relative to its root (empty for the root itself). */
    public Path relative() {
      return root.relativize(resolved);
    }
  }

  /**
   * A path that may not be used; {@code failure} never discloses anything outside the roots.
   *
   * @param failure the error for the model, with a code from {@link FsErrorCodes}
   */
  record Refused(Result.Failure failure) implements PathResolution {
    /**
     * @throws NullPointerException if {@code failure} is null
     */
    public Refused {
      Objects.requireNonNull(failure, "failure");
    }

    /** Returns the failure's code. */
    public String code() {
      return failure.code();
    }
  }
}
