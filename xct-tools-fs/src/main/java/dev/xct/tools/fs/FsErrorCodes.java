package dev.xct.tools.fs;

/**
 * Names every error code the filesystem tools and {@link PathConfinement} produce. Codes are stable
 * wire values; messages and details that accompany them never disclose anything outside the roots.
 */
public final class FsErrorCodes {
  /** The path (or a symbolic link on the way) leads outside every root. */
  public static final String PATH_OUTSIDE_ROOT = "PATH_OUTSIDE_ROOT";

  /** A deny glob matches the path, or the operation targets a root itself. */
  public static final String PATH_DENIED = "PATH_DENIED";

  /**
   * The path is malformed: empty, too long, NUL or control characters, backslashes, encoded or
   * look-alike dots and slashes, or too many symbolic links.
   */
  public static final String INVALID_PATH = "INVALID_PATH";

  /** The path goes through a symbolic link where links are not followed or not allowed. */
  public static final String SYMLINK_NOT_ALLOWED = "SYMLINK_NOT_ALLOWED";

  /**
   * The file has more than one hard link and the {@link HardLinkPolicy} refuses reading its content
   * (by default) or changing it.
   */
  public static final String HARD_LINK_NOT_ALLOWED = "HARD_LINK_NOT_ALLOWED";

  /** Nothing exists at the path (or at a directory it needs). */
  public static final String NOT_FOUND = "NOT_FOUND";

  /** Something already exists where the operation would create something. */
  public static final String ALREADY_EXISTS = "ALREADY_EXISTS";

  /** The path is not a regular file (a directory, FIFO, device or socket). */
  public static final String NOT_A_FILE = "NOT_A_FILE";

  /** The path, or a name on the way to it, is not a directory. */
  public static final String NOT_A_DIRECTORY = "NOT_A_DIRECTORY";

  /** A directory to delete without {@code recursive} is not empty. */
  public static final String DIRECTORY_NOT_EMPTY = "DIRECTORY_NOT_EMPTY";

  /** A file, content or tree exceeds a configured size or entry limit. */
  public static final String TOO_LARGE = "TOO_LARGE";

  /** The path is in a read-only root and the operation would change it. */
  public static final String READ_ONLY_ROOT = "READ_ONLY_ROOT";

  /**
   * The file is not in the state the call expected: its SHA-256 differs from {@code
   * expectedSha256}, or the path changed while the operation ran.
   */
  public static final String CONFLICT = "CONFLICT";

  /** The file is not UTF-8 text; read it with {@code encoding: base64}. */
  public static final String BINARY_CONTENT = "BINARY_CONTENT";

  /** {@code fs.edit} found no occurrence of the text to replace. */
  public static final String NO_MATCH = "NO_MATCH";

  /** {@code fs.edit} found the text to replace more than once. */
  public static final String MULTIPLE_MATCHES = "MULTIPLE_MATCHES";

  /** The operating system reported an error; the message carries its reason, never a path. */
  public static final String IO_ERROR = "IO_ERROR";

  private FsErrorCodes() {}
}
