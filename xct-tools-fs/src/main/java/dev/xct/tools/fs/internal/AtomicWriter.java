package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file's content so that a reader, or a process killed at any instant, sees either the
 * old or the new content and never a mix: the bytes go to a fresh temporary file in the same
 * directory (created exclusively, never through a link, with the target's permissions from the
 * start), and the temporary file is then renamed over the target in one atomic step. The target's
 * inode is never written in place, so another hard link to the old file keeps the old content.
 *
 * <p>A <em>durable</em> writer also survives a power loss or a kernel crash: it forces the
 * temporary file to disk before the rename (else the rename could reach the disk before the bytes,
 * leaving an empty or torn file) and the directory after it (else the rename itself could be lost,
 * bringing the old content back), so what it reports as written stays written. A writer that is not
 * durable skips both forces: still atomic for readers and for a killed process, since the page
 * cache outlives the process, but a power loss may lose the newest content, and on file systems
 * that do not order data before renames, leave the file empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class AtomicWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicWriter.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicWriter DURABLE = new AtomicWriter(true);
  private static final AtomicWriter NOT_DURABLE = new AtomicWriter(false);

  private final boolean durable;

  /** Runs just before the rename; throws to abort (for compare-and-swap). */
  @FunctionalInterface
  public interface Precondition {
    /** Checks the target's current state. */
    void check() throws IOException;
  }

  private AtomicWriter(boolean durable) {
    this.durable = durable;
  }

  /** Returns the durable writer, or the one that does not force. */
  public static AtomicWriter of(boolean durable) {
    return durable ? DURABLE : NOT_DURABLE;
  }

  /** Returns whether this writer forces the content and the rename to disk. */
  public boolean durable() {
    return durable;
  }

  /**
   * Writes {@code bytes} to {@code name} in {@code dir}.
   *
   * @param permissions the permissions to give the new file (the old file's), or null for the
   *     default
   * @param mustNotExist refuse with {@code ALREADY_EXISTS} if the target exists at commit time
   */
  public void write(
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
      try (SeekableByteChannel channel = dir.create(temp, permissions)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (permissions != null && !permissions.equals(dir.permissions(temp))) {
          dir.setPermissions(temp, permissions); // the umask cleared some of them
        }
        if (durable && channel instanceof FileChannel file) {
          file.force(true);
        }
      }
      precondition.check();
      if (mustNotExist && exists(dir, name)) {
        throw Refusal.of(
            FsErrorCodes.ALREADY_EXISTS, "path '" + Refusal.shown(raw) + "' already exists", raw);
      }
      dir.move(temp, dir, name);
      committed = true;
      if (durable) {
        dir.force();
      }
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
