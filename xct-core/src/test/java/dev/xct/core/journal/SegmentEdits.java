package dev.xct.core.journal;

import dev.xct.core.internal.journal.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Edits a journal's one segment file line by line, as someone tampering with it would. */
public final class SegmentEdits {
  private SegmentEdits() {}

  /** Returns the only segment file of the journal in {@code dir}. */
  public static Path segment(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> segments = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
      if (segments.size() != 1) {
        throw new IllegalStateException("expected one segment in " + dir + ": " + segments);
      }
      return segments.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the segment's lines, without their newlines. */
  public static List<String> lines(Path segment) {
    try {
      return new ArrayList<>(Files.readAllLines(segment, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the segment's content with {@code lines}, each ended by a newline. */
  public static void write(Path segment, List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(line).append('\n'));
    try {
      Files.writeString(segment, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code line} with its event changed by {@code change} and, chained to {@code prev} (its
   * own previous-hash when null), a hash that matches again, signed with {@code key} if given.
   */
  public static byte[] reencode(
      String line, String prev, UnaryOperator<String> change, byte[] key) {
    int eventStart = line.indexOf(",\"event\":") + 9;
    int eventEnd = line.lastIndexOf(",\"hash\":\"");
    long seq = Long.parseLong(line.substring(7, line.indexOf(',')));
    String oldPrev =
        line.substring(line.indexOf("\"prev\":\"") + 8, line.indexOf("\"prev\":\"") + 72);
    String event = change.apply(line.substring(eventStart, eventEnd));
    byte[] encoded = new RecordCodec(key).encode(seq, prev == null ? oldPrev : prev, event).line();
    return Arrays.copyOf(encoded, encoded.length - 1); // without the newline
  }

  /** Returns the hash a record line carries. */
  public static String hashOf(String line) {
    int at = line.lastIndexOf(",\"hash\":\"") + 9;
    return line.substring(at, at + 64);
  }
}
