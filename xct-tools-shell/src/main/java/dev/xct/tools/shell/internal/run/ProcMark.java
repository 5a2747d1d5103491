package dev.xct.tools.shell.internal.run;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Records what the Linux kernel says just before a command starts: the time since boot in {@code
 * stat} start-time ticks, and how many tasks (processes and threads) it has created since boot.
 * Either is -1 when unknown.
 *
 * <p>The time comes from {@code /proc/uptime}, in hundredths of a second. Start times in {@code
 * /proc/<pid>/stat} are the same boot clock, rounded down the same way, so a process forked after
 * the mark has a start time at least {@code ticks}. That holds only where a tick is a hundredth of
 * a second ({@code USER_HZ} = 100, every architecture Java runs on), which is checked once, against
 * a thread started for the purpose, before any time is given out.
 *
 * <p>The count is the {@code processes} line of {@code /proc/stat}: every task the kernel creates
 * adds one, and nothing can lower it. If it grew by exactly one between the mark and the command's
 * end, the only task created anywhere on the machine meanwhile was the command's own process: the
 * command forked nothing. Thread-safe.
 *
 * @param ticks the time since boot in ticks, or -1
 * @param forks the number of tasks created since boot, or -1
 */
record ProcMark(long ticks, long forks) {
  /** A mark that knows nothing: every process is considered, every scan is made. */
  static final ProcMark UNKNOWN = new ProcMark(-1, -1);

  private static final byte[] PROCESSES = "\nprocesses ".getBytes(StandardCharsets.US_ASCII);
  private static volatile int centisecondTicks;

  /** Reads the clock, then the count (so that a first call's clock check is counted before). */
  static ProcMark now() {
    if (!ProcTable.AVAILABLE) {
      return UNKNOWN;
    }
    long ticks = nowTicks();
    return new ProcMark(ticks, tasksCreated());
  }

  /** Returns whether no task but the command's own was created since this mark. */
  boolean onlyOneTaskCreatedSince() {
    return forks >= 0 && tasksCreated() == forks + 1;
  }

  /** Returns the time since boot in start-time ticks, or -1. */
  static long nowTicks() {
    if (centisecondTicks == 0) {
      centisecondTicks = calibrate();
    }
    return centisecondTicks > 0 ? uptimeCentis() : -1;
  }

  /** Returns the number of tasks the kernel has created since boot, or -1. */
  static long tasksCreated() {
    try (FileInputStream in = new FileInputStream("/proc/stat")) {
      byte[] buffer = new byte[2048];
      int matched = 0;
      long value = -1;
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (value >= 0) {
            if (b < '0' || b > '9') {
              return value;
            }
            value = value * 10 + (b - '0');
          } else if (b == PROCESSES[matched]) {
            value = ++matched == PROCESSES.length ? 0 : -1;
          } else {
            matched = b == '\n' ? 1 : 0;
          }
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static long uptimeCentis() {
    byte[] buffer = new byte[64];
    int length = ProcTable.read("/proc/uptime", buffer);
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
    Thread probe =
        new Thread(
            () -> {
              ProcTable.Entry self = ProcTable.stat("thread-self");
              started[0] = self == null ? -1 : self.startTicks();
            },
            "xct-shell-clock");
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
}
