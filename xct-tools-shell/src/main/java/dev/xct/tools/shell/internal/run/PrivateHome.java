package dev.xct.tools.shell.internal.run;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates an empty, private directory that serves a single unconfined command as {@code HOME} and
 * {@code TMPDIR}, so that no program reads the parent's dotfiles or credentials, and deletes it
 * (without following links) when the command is done. Not thread-safe; one per command.
 */
final class PrivateHome implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateHome.class);

  private static final String PREFIX = "xct-shell-home-";
  private static final Path MEMORY = memory();

  private final Path path;

  private PrivateHome(Path path) {
    this.path = path;
  }

  /**
   * Creates the directory, readable by its owner only, on {@code /dev/shm} where that is a writable
   * directory (a tmpfs: creating and removing it costs microseconds, not the millisecond a disk
   * mounted with {@code discard} takes to free a directory's block), else under the JVM's temporary
   * directory.
   */
  static PrivateHome create() throws IOException {
    FileAttribute<?> owner =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    Path dir =
        MEMORY == null
            ? Files.createTempDirectory(PREFIX, owner)
            : Files.createTempDirectory(MEMORY, PREFIX, owner);
    return new PrivateHome(dir.toRealPath());
  }

  private static Path memory() {
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : null;
  }

  Path path() {
    return path;
  }

  @Override
  public void close() {
    try {
      // Most commands leave their home empty.
      Files.delete(path);
      return;
    } catch (DirectoryNotEmptyException e) {
      LOG.debug("the command left files in its home directory {}", path);
    } catch (IOException e) {
      LOG.warn("cannot delete the command's home directory {}", path, e);
      return;
    }
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      LOG.warn("cannot delete the command's home directory {}", path, e);
    }
  }
}
