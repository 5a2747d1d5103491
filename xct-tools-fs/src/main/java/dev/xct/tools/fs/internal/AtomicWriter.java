package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file's content so that a reader, or a crash at any instant, sees either the old or the
 * new content and never a mix: the bytes go to a fresh temporary file in the same directory
 * (created exclusively, never through a link), are forced to disk, and the temporary file is then
 * renamed over the target in one atomic step. The target's inode is never written in place, so
 * another hard link to the old file keeps the old content.
 */
public final class AtomicWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicWriter.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Runs just before the rename; throws to abort (for compare-and-swap). */
  @FunctionalInterface
  public interface Precondition {
    /** Checks the target's current state. */
    void check() throws IOException;
  }

  private AtomicWriter() {}

  /**
   * Writes {@code bytes} to {@code name} in {@code dir}.
   *
   * @param permissions the permissions to give the new file (the old file's), or null for the
   *     default
   * @param mustNotExist refuse with {@code ALREADY_EXISTS} if the target exists at commit time
   */
  public static void write(
      Dir dir,
      String name,
      byte[] bytes,
      Set<PosixFilePermission> permissions,
      boolean mustNotExist,
      Precondition precondition,
      String raw)
      throws IOException {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    String temp = ".xct-" + HexFormat.of().formatHex(random) + ".tmp";
    boolean committed = false;
    try {
      Set<StandardOpenOption> options =
          Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try (SeekableByteChannel channel = dir.channel(temp, options)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (channel instanceof FileChannel file) {
          file.force(true);
        }
      }
      dir.setPermissions(temp, permissions);
      precondition.check();
      if (mustNotExist && exists(dir, name)) {
        throw Refusal.of(
            FsErrorCodes.ALREADY_EXISTS, "path '" + Refusal.shown(raw) + "' already exists", raw);
      }
      dir.move(temp, dir, name);
      committed = true;
    } finally {
      if (!committed) {
        try {
          dir.deleteFile(temp);
        } catch (NoSuchFileException e) {
          LOG.trace("temporary file was never created", e);
        } catch (IOException e) {
          LOG.warn("could not remove temporary file {} in {}", temp, dir.path(), e);
        }
      }
    }
  }

  /** Returns whether anything (file, directory or link) is at {@code name}. */
  public static boolean exists(Dir dir, String name) throws IOException {
    try {
      dir.lstat(name);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }
}
