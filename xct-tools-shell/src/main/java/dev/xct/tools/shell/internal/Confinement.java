package dev.xct.tools.shell.internal;

import dev.xct.core.protocol.Result;
import java.nio.file.Path;

/**
 * Confines the working directory and path arguments to the root: the seam over the root confinement
 * of {@code xct-tools-fs}, so that both modules answer the same question the same way.
 */
public interface Confinement {
  /** Returns the root every path must stay inside, as a real path. */
  Path root();

  /**
   * Resolves {@code path} against {@code base} (a directory already inside the root), following
   * symbolic links, and refuses it when the result leaves the root.
   */
  Resolution resolve(Path base, String path);

  /** Holds where a path lands: inside the root, or refused. */
  sealed interface Resolution permits Inside, Outside {}

  /**
   * The path stays inside the root.
   *
   * @param path the resolved real path (symbolic links followed as far as the path exists)
   */
  record Inside(Path path) implements Resolution {}

  /** The path is refused, with the failure for the model. */
  record Outside(Result.Failure failure) implements Resolution {}
}
