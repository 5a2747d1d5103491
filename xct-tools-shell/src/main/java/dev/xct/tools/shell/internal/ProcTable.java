package dev.xct.tools.shell.internal;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Linux process table ({@code /proc}) with little allocation: one {@code stat} line per
 * process into a reused buffer, parsed in place, and {@code environ} searched as a byte stream.
 *
 * <p>Start times are in clock ticks since boot ({@code /proc/<pid>/stat} field 22). {@link
 * #nowTicks()} reads the same clock from {@code /proc/uptime}, in hundredths of a second; both are
 * the kernel's boot time rounded down, so a process forked after {@code nowTicks()} returned has a
 * start time at least as large. That holds only where a tick is a hundredth of a second ({@code
 * USER_HZ} = 100, every architecture Java runs on), which {@link #nowTicks()} checks once, against
 * a thread it starts, before it ever answers. Stateless and thread-safe.
 */
final class ProcTable {
  static final boolean AVAILABLE = new File("/proc/self/stat").canRead();

  private static final int STAT_BYTES = 4096;
  private static volatile int centisecondTicks;

  /** One running (not zombie) process: the fields of its {@code stat} line the kill needs. */
  record Entry(long pid, long ppid, long pgrp, long session, long startTicks) {}

  private ProcTable() {}

  /**
   * Returns the time since boot in {@code stat} start-time ticks, or -1 when it cannot be read or a
   * tick is not known to be a hundredth of a second.
   */
  static long nowTicks() {
    if (centisecondTicks == 0) {
      centisecondTicks = calibrate();
    }
    return centisecondTicks > 0 ? uptimeCentis() : -1;
  }

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
    return stat(Long.toString(pid), new byte[STAT_BYTES]);
  }

  private static Entry stat(String pid, byte[] buffer) {
    int length = read("/proc/" + pid + "/stat", buffer);
    // "pid (comm) state ppid pgrp session ... starttime(22) ...": comm may hold spaces and ')'.
    int close = length - 1;
    while (close >= 0 && buffer[close] != ')') {
      close--;
    }
    if (close < 0 || close + 2 >= length || buffer[close + 2] == 'Z' || buffer[close + 2] == 'X') {
      return null;
    }
    long ppid = -1;
    long pgrp = -1;
    long session = -1;
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
        case 5 -> pgrp = value;
        case 6 -> session = value;
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
    return startTicks < 0 ? null : new Entry(self, ppid, pgrp, session, startTicks);
  }

  /** Returns whether the process's initial environment holds {@code entry} (NAME=value NUL). */
  static boolean environContains(long pid, byte[] entry, byte[] buffer) {
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/environ")) {
      int matched = 0; // bytes of entry matched at the start of the current variable; -1: none
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (matched >= 0 && b == entry[matched]) {
            if (++matched == entry.length) {
              return true;
            }
          } else {
            matched = b == 0 ? 0 : -1;
          }
        }
      }
      return false;
    } catch (IOException e) {
      // Gone, or not ours to read (another user's): not a target.
      return false;
    }
  }

  private static long uptimeCentis() {
    byte[] buffer = new byte[64];
    int length = read("/proc/uptime", buffer);
    // "12345.67 54321.00": seconds since boot with exactly two decimals.
    long centis = 0;
    int digits = -1;
    for (int i = 0; i < length && buffer[i] != ' '; i++) {
      byte b = buffer[i];
      if (b == '.' && digits < 0) {
        digits = 0;
      } else if (b >= '0' && b <= '9') {
        centis = centis * 10 + (b - '0');
        digits = digits >= 0 ? digits + 1 : digits;
      } else {
        return -1;
      }
    }
    return digits == 2 ? centis : -1;
  }

  /**
   * Returns 1 when a thread started now gets a start time between two readings of the uptime, -1
   * when it does not, 0 when the check was interrupted (to be repeated).
   */
  private static int calibrate() {
    long before = uptimeCentis();
    long[] started = {-1};
    Thread probe = new Thread(() -> started[0] = threadStartTicks(), "xct-shell-clock");
    probe.start();
    try {
      probe.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    long after = uptimeCentis();
    return before >= 0 && started[0] >= before - 1 && started[0] <= after + 1 ? 1 : -1;
  }

  private static long threadStartTicks() {
    Entry entry = stat("thread-self", new byte[STAT_BYTES]);
    return entry == null ? -1 : entry.startTicks();
  }

  /**
   * Reads a one-line file of up to {@code buffer.length} bytes; returns its length, 0 when it
   * cannot be read. Stops at the line's end, which spares the read that would only report the
   * file's end.
   */
  private static int read(String file, byte[] buffer) {
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
