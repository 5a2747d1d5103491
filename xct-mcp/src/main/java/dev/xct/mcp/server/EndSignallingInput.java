package dev.xct.mcp.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes the host's input through and runs a callback once when it ends (end of stream or a read
 * error): the SDK's stdio transport does not tell its server when the host went away.
 */
final class EndSignallingInput extends FilterInputStream {
  private final Runnable onEnd;
  private boolean ended;

  EndSignallingInput(InputStream in, Runnable onEnd) {
    super(in);
    this.onEnd = onEnd;
  }

  @Override
  public int read() throws IOException {
    return signal(() -> super.read());
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return signal(() -> super.read(buffer, offset, length));
  }

  private int signal(Read read) throws IOException {
    try {
      int result = read.read();
      if (result < 0) {
        end();
      }
      return result;
    } catch (IOException e) {
      end();
      throw e;
    }
  }

  private synchronized void end() {
    if (!ended) {
      ended = true;
      onEnd.run();
    }
  }

  @FunctionalInterface
  private interface Read {
    int read() throws IOException;
  }
}
