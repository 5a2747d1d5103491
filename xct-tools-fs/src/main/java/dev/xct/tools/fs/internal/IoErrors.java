package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link IOException} into a refusal whose message names only the path the model gave and
 * the OS's reason (such as "Permission denied"). The exception's own message is never used: it may
 * contain real paths or symbolic-link targets outside the roots.
 */
public final class IoErrors {
  private static final Logger LOG = LoggerFactory.getLogger(IoErrors.class);

  private IoErrors() {}

  /** Returns {@code NOT_FOUND} for {@code raw}. */
  public static Refusal notFound(String raw) {
    return Refusal.of(
        FsErrorCodes.NOT_FOUND, "path '" + Refusal.shown(raw) + "' does not exist", raw);
  }

  /** Returns the refusal for {@code e}, which happened while using {@code raw}. */
  public static Refusal refusal(IOException e, String raw) {
    LOG.debug("I/O error on a confined path", e);
    String shown = Refusal.shown(raw);
    if (e instanceof PathChangedException) {
      return Refusal.of(
          FsErrorCodes.CONFLICT,
          "path '" + shown + "' changed while it was being used; nothing was done through it",
          raw);
    }
    if (e instanceof NoSuchFileException) {
      return Refusal.of(FsErrorCodes.NOT_FOUND, "path '" + shown + "' does not exist", raw);
    }
    if (e instanceof FileAlreadyExistsException) {
      return Refusal.of(FsErrorCodes.ALREADY_EXISTS, "path '" + shown + "' already exists", raw);
    }
    if (e instanceof DirectoryNotEmptyException) {
      return Refusal.of(
          FsErrorCodes.DIRECTORY_NOT_EMPTY, "directory '" + shown + "' is not empty", raw);
    }
    if (e instanceof NotDirectoryException) {
      return Refusal.of(
          FsErrorCodes.NOT_A_DIRECTORY, "a name in path '" + shown + "' is not a directory", raw);
    }
    if (e instanceof AccessDeniedException) {
      return Refusal.of(FsErrorCodes.IO_ERROR, "path '" + shown + "': permission denied", raw);
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      String reason = fse.getReason();
      if (reason.contains("symbolic links") || reason.contains("Not a directory")) {
        // O_NOFOLLOW met a link, or a directory became a file: something changed the path after
        // it was checked.
        return Refusal.of(
            FsErrorCodes.CONFLICT,
            "path '" + shown + "' changed while it was being used; nothing was done through it",
            raw);
      }
      return Refusal.of(FsErrorCodes.IO_ERROR, "path '" + shown + "': " + reason, raw);
    }
    if (e.getMessage() != null && e.getMessage().contains("NOFOLLOW_LINKS specified")) {
      return Refusal.of(
          FsErrorCodes.CONFLICT,
          "path '" + shown + "' changed while it was being used; nothing was done through it",
          raw);
    }
    return Refusal.of(
        FsErrorCodes.IO_ERROR,
        "path '" + shown + "': " + e.getClass().getSimpleName().replace("Exception", " error"),
        raw);
  }
}
