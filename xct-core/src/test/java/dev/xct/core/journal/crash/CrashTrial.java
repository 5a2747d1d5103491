package dev.xct.core.journal.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Plans and performs the kills of one trial: a child run, and sometimes a child resume. */
final class CrashTrial {
  static final List<String> TOOL_WINDOWS =
      List.of(
          "BEFORE_INTENT",
          "TORN_INTENT",
          "AFTER_INTENT",
          "MID_TOOL_BEFORE_EFFECT",
          "MID_TOOL_AFTER_EFFECT",
          "BEFORE_OUTCOME");
  static final List<String> STEP_WINDOWS = List.of("TORN_STEP", "BETWEEN_STEPS");
  private static final int[] TOOL_STEPS = {1, 2, 3, 5, 6};

  final int index;
  final Path journal;
  final Path work;
  final String durability;
  final List<String> runIds = new ArrayList<>();
  final List<String> kills = new ArrayList<>();
  private final Random random;

  private final ChildJvm jvm;

  CrashTrial(int index, long seed, Path root, ChildJvm jvm) {
    this.jvm = jvm;
    this.index = index;
    this.random = new Random(seed);
    this.journal = root.resolve("t" + index).resolve("journal");
    this.work = root.resolve("t" + index).resolve("work");
    int d = random.nextInt(10);
    this.durability = d < 2 ? "FORCE" : d < 6 ? "GROUP" : "NONE";
  }

  /** Starts the child, kills it at the planned point, and sometimes kills a resume too. */
  void crash() throws IOException, InterruptedException {
    java.nio.file.Files.createDirectories(work);
    // Four trials in five stop at a named window, taken in turn so that every window is covered;
    // the fifth is killed at a random moment.
    boolean pause = index % 5 != 4;
    String window = null;
    if (pause) {
      int w = (index - index / 5) % (TOOL_WINDOWS.size() + STEP_WINDOWS.size());
      window = w < TOOL_WINDOWS.size() ? TOOL_WINDOWS.get(w) : STEP_WINDOWS.get(w - 6);
    }
    int runs = window != null && window.startsWith("TORN_") ? 1 : 1 + random.nextInt(3);
    for (int r = 0; r < runs; r++) {
      runIds.add("t" + index + "r" + r);
    }
    String target = null;
    if (pause) {
      int step =
          TOOL_WINDOWS.contains(window)
              ? TOOL_STEPS[random.nextInt(TOOL_STEPS.length)]
              : 1 + random.nextInt(6);
      target = window + " " + runIds.get(random.nextInt(runs)) + " " + step;
    }
    String first = child("start", target, 1 + random.nextInt(runs * 36), random.nextInt(3000));
    if (first != null) {
      kills.add(first);
      if (random.nextInt(10) < 5) {
        String second = child("resume", null, 1 + random.nextInt(runs * 12), random.nextInt(2000));
        if (second != null) {
          kills.add("resume:" + second);
        }
      }
    }
  }

  /**
   * Runs a child; kills it when it pauses at {@code pauseAt}, or (without one) {@code delayMicros}
   * after its {@code killAfter}-th marker. Returns what it was killed at, or null if it finished.
   */
  private String child(String mode, String pauseAt, int killAfter, int delayMicros)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
            jvm.command(
                mode, journal.toString(), work.toString(), durability, String.join(",", runIds)));
    builder.redirectError(work.resolve(mode + "-" + kills.size() + ".err").toFile());
    if (pauseAt != null) {
      builder.environment().put("XCT_CRASH_PAUSE", pauseAt);
    }
    Process process = builder.start();
    try {
      return watch(process, pauseAt, killAfter, delayMicros);
    } finally {
      process.destroyForcibly(); // whatever happened here, never leave a paused child behind
    }
  }

  private String watch(Process process, String pauseAt, int killAfter, int delayMicros)
      throws IOException, InterruptedException {
    String killedAt = null;
    int seen = 0;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.startsWith(CrashChild.MARK)) {
          continue;
        }
        String marker = line.substring(CrashChild.MARK.length());
        if (marker.startsWith("PAUSED ")) {
          killedAt = "paused " + marker.substring(7).split(" ")[0];
          break;
        }
        if (pauseAt == null && marker.startsWith("AT ") && ++seen == killAfter) {
          LockSupport.parkNanos(delayMicros * 1_000L);
          killedAt = "random after " + marker.substring(3).split(" ")[0];
          break;
        }
      }
      if (killedAt != null) {
        process.destroyForcibly();
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("child of trial " + index + " hung");
    }
    if (killedAt == null && process.exitValue() != 0) {
      throw new IllegalStateException(
          "child of trial " + index + " failed: " + process.exitValue());
    }
    // A child that finished between the marker and the kill was not killed mid-run.
    return killedAt != null && process.exitValue() != 0 ? killedAt : null;
  }
}
