package dev.xct.tools.shell.internal.run;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Linux process table ({@code /proc}) with little allocation: one {@code stat} line per
 * process into a reused buffer, parsed in place, and {@code environ} searched as a byte stream.
 * Start times are in clock ticks since boot ({@code /proc/<pid>/stat} field 22; see {@link
 * ProcMark}). Stateless and thread-safe.
 */
final class ProcTable {
  static final boolean AVAILABLE = new File("/proc/self/stat").canRead();

  private static final int STAT_BYTES = 4096;

  /** One running (not zombie) process: the fields of its {@code stat} line the kill needs. */
  record Entry(long pid, long ppid, long startTicks) {}

  private ProcTable() {}

  /**
   * Returns every running process except this JVM, started at or after {@code sinceTicks}
   * (everything when it is negative). A process that vanishes while it is read is left out.
   */
  static List<Entry> running(long sinceTicks) {
    String[] names = new File("/proc").list();
    List<Entry> entries = new ArrayList<>();
    if (names == null) {
      return entries;
    }
    long self = ProcessHandle.current().pid();
    byte[] buffer = new byte[STAT_BYTES];
    for (String name : names) {
      if (name.isEmpty() || name.charAt(0) < '0' || name.charAt(0) > '9') {
        continue;
      }
      Entry entry = stat(name, buffer);
      if (entry != null && entry.pid() != self && entry.startTicks() >= sinceTicks) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** Returns the process's current {@code stat} fields, or null when it is gone or a zombie. */
  static Entry stat(long pid) {
    return stat(Long.toString(pid));
  }

  /** Returns the fields of {@code /proc/<name>/stat} ({@code thread-self} works too), or null. */
  static Entry stat(String name) {
    return stat(name, new byte[STAT_BYTES]);
  }

  private static Entry stat(String pid, byte[] buffer) {
    int length = read("/proc/" + pid + "/stat", buffer);
    // "pid (comm) state ppid ... starttime(22) ...": comm may hold spaces and ')'.
    int close = length - 1;
    while (close >= 0 && buffer[close] != ')') {
      close--;
    }
    if (close < 0 || close + 2 >= length || buffer[close + 2] == 'Z' || buffer[close + 2] == 'X') {
      return null;
    }
    long ppid = -1;
    long startTicks = -1;
    int field = 4;
    long value = 0;
    for (int i = close + 4; i < length && field <= 22; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\n') {
        value = b >= '0' && b <= '9' ? value * 10 + (b - '0') : 0;
        continue;
      }
      switch (field) {
        case 4 -> ppid = value;
        case 22 -> startTicks = value;
        default -> {}
      }
      field++;
      value = 0;
    }
    long self = 0;
    for (int i = 0; i < close && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
      self = self * 10 + (buffer[i] - '0');
    }
    return startTicks < 0 ? null : new Entry(self, ppid, startTicks);
  }

  /** What a process's initial environment says about a marker. */
  enum Environ {
    /** The environment holds the marker. */
    CARRIES,
    /** The environment was read and lacks the marker, or the process is gone or not ours. */
    LACKS,
    /**
     * Nothing could be read although the process exists: a kernel thread, a process started with an
     * empty environment, or one in the middle of {@code execve} (whose old memory is already
     * released and whose new environment is not set up yet). Reading again later tells them apart.
     */
    EMPTY
  }

  /** Returns whether the process's initial environment holds {@code entry} (NAME=value NUL). */
  static boolean environContains(long pid, byte[] entry, byte[] buffer) {
    return environ(pid, entry, buffer) == Environ.CARRIES;
  }

  /** Reads the process's initial environment and says whether it holds {@code entry}. */
  static Environ environ(long pid, byte[] entry, byte[] buffer) {
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/environ")) {
      int matched = 0; // bytes of entry matched at the start of the current variable; -1: none
      boolean read = false;
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        read = true;
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (matched >= 0 && b == entry[matched]) {
            if (++matched == entry.length) {
              return Environ.CARRIES;
            }
          } else {
            matched = b == 0 ? 0 : -1;
          }
        }
      }
      return read ? Environ.LACKS : Environ.EMPTY;
    } catch (IOException e) {
      // Gone, or not ours to read (another user's): not a target.
      return Environ.LACKS;
    }
  }

  /**
   * Reads a one-line file of up to {@code buffer.length} bytes; returns its length, 0 when it
   * cannot be read. Stops at the line's end, which spares the read that would only report the
   * file's end.
   */
  static int read(String file, byte[] buffer) {
    // A FileInputStream allocates half of what a FileChannel does per file, and is as fast here.
    try (FileInputStream in = new FileInputStream(file)) {
      int length = 0;
      while (length < buffer.length) {
        int n = in.read(buffer, length, buffer.length - length);
        if (n <= 0) {
          break;
        }
        length += n;
        if (buffer[length - 1] == '\n') {
          break;
        }
      }
      return length;
    } catch (IOException e) {
      // Gone, or not ours to read: nothing to parse.
      return 0;
    }
  }
}
