package dev.xct.tools.shell.internal.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one output stream of a process on a thread of its own, keeping at most a fixed number of
 * bytes and counting (then discarding) the rest, so that a flood neither fills memory nor blocks
 * the process on a full pipe.
 *
 * <p>The threads are daemon threads from a shared pool, reused across commands (starting two new
 * threads per command cost more than the rest of the bookkeeping) and ended after a minute idle. A
 * stream that never ends (a process that escaped the kill holds the pipe) keeps its thread; the
 * pool starts another for the next command.
 *
 * <p>Thread-safe: one thread drains, another reads the result after {@link #await}.
 */
final class OutputCapture implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputCapture.class);

  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

  private final InputStream stream;
  private final int cap;
  private final ByteArrayOutputStream kept;
  private final CountDownLatch finished = new CountDownLatch(1);
  private long total;

  OutputCapture(InputStream stream, int cap) {
    this.stream = stream;
    this.cap = cap;
    this.kept = new ByteArrayOutputStream(Math.min(cap, 1024));
  }

  /** Starts draining {@code stream} on a pooled daemon thread. */
  static OutputCapture start(InputStream stream, int cap) {
    OutputCapture capture = new OutputCapture(stream, cap);
    IoThreads.run(capture);
    return capture;
  }

  @Override
  public void run() {
    byte[] buffer = BUFFER.get();
    try (stream) {
      int read;
      while ((read = stream.read(buffer)) >= 0) {
        synchronized (this) {
          int keep = (int) Math.max(0, Math.min(read, cap - total));
          kept.write(buffer, 0, keep);
          total += read;
        }
      }
    } catch (IOException e) {
      LOG.debug("output stream closed while draining", e);
    } finally {
      finished.countDown();
    }
  }

  /** Waits up to {@code millis} for the stream to end; returns whether it did. */
  boolean await(long millis) throws InterruptedException {
    return finished.await(millis, TimeUnit.MILLISECONDS);
  }

  /** Returns how many bytes the process wrote, kept or not. */
  synchronized long total() {
    return total;
  }

  /** Returns whether bytes were discarded. */
  synchronized boolean truncated() {
    return total > cap;
  }

  /**
   * Returns the kept bytes decoded as UTF-8, malformed sequences replaced by U+FFFD; a multi-byte
   * character cut by the cap is dropped rather than shown as garbage.
   */
  synchronized String text() {
    byte[] bytes = kept.toByteArray();
    int length = truncated() ? completeLength(bytes) : bytes.length;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }

  /** Returns the length without a trailing, incomplete UTF-8 sequence. */
  private static int completeLength(byte[] bytes) {
    int end = bytes.length;
    for (int back = 1; back <= 3 && end - back >= 0; back++) {
      int b = bytes[end - back] & 0xff;
      if ((b & 0xc0) != 0x80) {
        int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        return needed > back ? end - back : end;
      }
    }
    return end;
  }
}
