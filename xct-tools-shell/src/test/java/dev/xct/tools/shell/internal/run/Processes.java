package dev.xct.tools.shell.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Starts real processes for the internal tests and kills whatever is left of them afterwards. Not
 * thread-safe; one per test.
 */
final class Processes implements AutoCloseable {
  private final List<Process> started = new ArrayList<>();
  private final List<Long> pids = new ArrayList<>();

  /** Starts {@code command} with exactly {@code environment} (plus PATH). */
  Process start(Map<String, String> environment, String... command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      started.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the pid the process printed as its first line; it is killed on close. */
  long printedPid(Process process) {
    try {
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
      long pid = Long.parseLong(reader.readLine().trim());
      pids.add(pid);
      return pid;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns whether {@code pid} is running (present and not a zombie). */
  static boolean isRunning(long pid) {
    return ProcTable.stat(pid) != null;
  }

  /** Polls {@code condition} for up to ten seconds; returns its last answer. */
  static boolean eventually(BooleanSupplier condition) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    return condition.getAsBoolean();
  }

  /** Waits until the clock has moved {@code ticks} past {@code startTicks}. */
  static void waitForTicks(long startTicks, long ticks) {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcMark.nowTicks() < startTicks + ticks && System.nanoTime() < end) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    assertThat(ProcMark.nowTicks()).isGreaterThanOrEqualTo(startTicks + ticks);
  }

  /** Returns a link to {@code sleep} named {@code name}, so the process's name is {@code name}. */
  static Path sleepNamed(Path dir, String name) {
    Path sleep =
        Files.exists(Path.of("/usr/bin/sleep")) ? Path.of("/usr/bin/sleep") : Path.of("/bin/sleep");
    try {
      return Files.createSymbolicLink(dir.resolve(name), sleep);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    started.forEach(p -> p.destroyForcibly());
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }
}
