package dev.xct.tools.fs.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * An opened directory through which the final operations run, name by name, never following a
 * symbolic link in the name. Backed by a {@link java.nio.file.SecureDirectoryStream} where the JDK
 * offers one (openat-style calls relative to the open directory), otherwise by path-based calls
 * that re-check each name (see {@link Dirs}).
 *
 * <p>Not thread-safe; open, use and close on one thread.
 */
public interface Dir extends Closeable {

  /** Returns the path this directory was opened at (for path-based fallbacks and logs). */
  Path path();

  /** Returns whether the operations are anchored to the open directory (openat-style). */
  boolean secure();

  /**
   * Reads the attributes of {@code name} without following a link: {@link
   * java.nio.file.attribute.PosixFileAttributes} where the OS has them (so the permissions come
   * with the same call), basic ones elsewhere.
   *
   * @throws java.nio.file.NoSuchFileException if nothing is there
   */
  BasicFileAttributes lstat(String name) throws IOException;

  /** Reads the attributes of this directory itself (through the open handle where secure). */
  BasicFileAttributes attributes() throws IOException;

  /** Opens the subdirectory {@code name}; fails if it is a link or not a directory. */
  Dir open(String name) throws IOException;

  /** Opens the file {@code name} with {@code options}, never following a link. */
  SeekableByteChannel channel(String name, Set<? extends OpenOption> options) throws IOException;

  /**
   * Creates the file {@code name} exclusively ({@code O_CREAT|O_EXCL}, so never through a link) and
   * opens it for writing. {@code permissions} (null for the default) are the mode asked for at
   * creation, so the file is never more open than they say; the umask may still clear bits.
   *
   * @throws java.nio.file.FileAlreadyExistsException if anything is at {@code name}
   */
  SeekableByteChannel create(String name, Set<PosixFilePermission> permissions) throws IOException;

  /**
   * Forces this directory's entries to storage, so that a rename into it survives a power loss.
   * Does nothing where the OS cannot open a directory for that (Windows).
   */
  void force() throws IOException;

  /** Removes the file or link {@code name}. */
  void deleteFile(String name) throws IOException;

  /** Removes the empty directory {@code name}. */
  void deleteDirectory(String name) throws IOException;

  /** Renames {@code name} to {@code targetName} in {@code target}, atomically replacing it. */
  void move(String name, Dir target, String targetName) throws IOException;

  /** Returns the names in this directory, sorted; call at most once per opened directory. */
  List<String> list() throws IOException;

  /** Returns the POSIX permissions of {@code name}, or null where the OS has none. */
  Set<PosixFilePermission> permissions(String name) throws IOException;

  /** Sets the POSIX permissions of {@code name}; does nothing where the OS has none. */
  void setPermissions(String name, Set<PosixFilePermission> permissions) throws IOException;

  @Override
  void close() throws IOException;
}
