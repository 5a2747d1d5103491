package dev.xct.core.event;

import dev.xct.core.XctException;
import dev.xct.core.internal.event.EventJson;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes every event as one JSON object per line (JSON Lines), flushed after each line, so that a
 * run can be inspected, diffed and replayed. The format is documented in {@code docs/journal.md}.
 *
 * <p>This is an observer, not a durable journal: lines are flushed to the operating system but not
 * forced to disk. Thread-safe: events of concurrent runs are written as whole lines, never
 * interleaved within a line.
 */
public final class JsonLinesEventWriter implements RunListener, Closeable {
  private final Writer out;

  private JsonLinesEventWriter(Writer out) {
    this.out = out;
  }

  /** Returns a writer that appends to {@code out}; closing this writer closes {@code out}. */
  public static JsonLinesEventWriter to(Writer out) {
    return new JsonLinesEventWriter(Objects.requireNonNull(out, "out"));
  }

  /**
   * Returns a writer that appends to the file at {@code path}, creating it if needed.
   *
   * @throws XctException if the file cannot be opened
   */
  public static JsonLinesEventWriter append(Path path) {
    try {
      return new JsonLinesEventWriter(
          Files.newBufferedWriter(
              path,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new XctException("cannot open event file " + path, e);
    }
  }

  /** Returns the JSON line (without the newline) that this writer writes for {@code event}. */
  public static String line(RunEvent event) {
    return EventJson.line(event);
  }

  /**
   * Writes one line.
   *
   * @throws UncheckedIOException if writing fails (the loop logs it and carries on)
   */
  @Override
  public void onEvent(RunEvent event) {
    String line = EventJson.line(event);
    synchronized (out) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (out) {
      out.close();
    }
  }
}
