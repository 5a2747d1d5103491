package dev.xct.policy;

import dev.xct.core.XctException;
import java.nio.file.Path;

/**
 * Reports that a root of a policy file is not an existing directory, so that {@link PolicyTools}
 * cannot confine the tools to it. Unlike a {@link PolicyFileException} this is not a fault of the
 * file's text: the same file may be fine on another machine or under another workspace.
 *
 * <p>Immutable and thread-safe.
 */
public final class MissingRootException extends XctException {
  private static final long serialVersionUID = 1L;

  private final transient Root root;
  private final transient Path directory;

  /** Creates the exception for {@code root}, which resolved to {@code directory}. */
  public MissingRootException(Root root, Path directory) {
    super("root " + root.path() + " (" + directory + ") does not exist or is not a directory");
    this.root = root;
    this.directory = directory;
  }

  /** Returns the root as the file gives it. */
  public Root root() {
    return root;
  }

  /** Returns the directory the root resolved to, absolute. */
  public Path directory() {
    return directory;
  }
}
