package dev.xct.tools.fs.internal;

import java.nio.file.FileSystemException;

/**
 * Signals that a directory was replaced between its check and its use (for instance by a link);
 * reported as {@code CONFLICT}, and nothing was done through it.
 */
final class PathChangedException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  PathChangedException(String file) {
    super(file, null, "changed while in use");
  }
}
