package dev.xct.core.internal.journal;

import dev.xct.core.XctException;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names, lists and splits the segment files of a journal directory. A segment is named after the
 * sequence number of its first record, {@code journal-00000000000000000001.jsonl}, so that the
 * names sort in log order. Stateless and thread-safe.
 */
public final class Segments {
  private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.jsonl");

  private Segments() {}

  /** Returns the file name of the segment whose first record is {@code seq}. */
  public static String name(long seq) {
    return String.format("journal-%020d.jsonl", seq);
  }

  /** Returns the first sequence number encoded in a segment's name, or -1 if it is no segment. */
  public static long firstSeq(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * Returns the segment files of {@code dir} in log order.
   *
   * @throws XctException if the directory cannot be listed
   */
  public static List<Path> list(Path dir) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "journal-*.jsonl")) {
      for (Path file : files) {
        if (firstSeq(file) >= 0) {
          out.add(file);
        }
      }
    } catch (IOException e) {
      throw new XctException("cannot list journal directory " + dir, e);
    }
    out.sort((a, b) -> Long.compare(firstSeq(a), firstSeq(b)));
    return out;
  }

  /**
   * Holds one segment's bytes split into lines.
   *
   * @param name the file name
   * @param bytes the whole content
   * @param starts where each complete line starts
   * @param ends where each complete line ends (exclusive, before its newline)
   * @param tornAt where trailing bytes without a newline start, or -1 if there are none
   */
  public record Content(String name, byte[] bytes, int[] starts, int[] ends, int tornAt) {
    /** Returns how many complete lines there are. */
    public int lines() {
      return starts.length;
    }
  }

  /**
   * Reads a segment and splits it into lines.
   *
   * @throws XctException if the file cannot be read
   */
  public static Content read(Path file) {
    byte[] bytes;
    try {
      // A FileInputStream, not a channel: a reader's interrupt must not fail the read.
      try (FileInputStream in = new FileInputStream(file.toFile())) {
        bytes = in.readAllBytes();
      }
    } catch (IOException e) {
      throw new XctException("cannot read journal segment " + file, e);
    }
    int count = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        count++;
      }
    }
    int[] starts = new int[count];
    int[] ends = new int[count];
    int line = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        starts[line] = start;
        ends[line] = i;
        line++;
        start = i + 1;
      }
    }
    int torn = start < bytes.length ? start : -1;
    return new Content(file.getFileName().toString(), bytes, starts, ends, torn);
  }
}
