package dev.xct.core.internal.journal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One segment file open for appends, written and forced through {@link FileOutputStream} and {@link
 * java.io.FileDescriptor#sync()}, which, unlike a {@code FileChannel}, a caller's interrupt cannot
 * close: one run cancelled with {@code Future.cancel(true)} must not close the log every other run
 * writes to.
 *
 * <p>A force after the segment was forced and closed (by a roll to the next segment) succeeds: its
 * records are durable. A force after it was closed without a force (after a failure) fails: a
 * record is never reported durable that was not forced.
 *
 * <p>Thread-safe: writes come from one thread at a time (the log's write lock); forces and closes
 * may come from any thread.
 */
final class SegmentFile {
  private final FileOutputStream out;
  private boolean closed;
  private boolean forcedAtClose;

  /** Opens {@code file} (which must exist) for appending, or truncated when not {@code append}. */
  SegmentFile(Path file, boolean append) throws IOException {
    this.out = new FileOutputStream(file.toFile(), append);
  }

  /** Appends {@code bytes}. */
  void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  /** Forces everything written so far to disk. */
  synchronized void force() throws IOException {
    if (closed) {
      if (forcedAtClose) {
        return;
      }
      throw new IOException("the journal segment was closed before it was forced");
    }
    out.getFD().sync();
  }

  /** Forces and closes; later forces succeed. */
  synchronized void forceAndClose() throws IOException {
    try {
      out.getFD().sync();
      forcedAtClose = true;
    } finally {
      closed = true;
      out.close();
    }
  }

  /** Closes without forcing; later forces fail. */
  synchronized void close() throws IOException {
    closed = true;
    out.close();
  }
}
