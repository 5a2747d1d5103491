package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM with SIGKILL while it overwrites a 2 MiB file through {@code fs.write}, at
 * random moments, and checks that the file always holds exactly the old or the new content. Writes
 * that are not forced to disk are stopped from inside instead, while their short-lived temporary
 * file exists (see {@link CrashWriter}).
 */
class AtomicWriteCrashTest {
  private static final int MIN_ROUNDS = 6;
  private static final int MAX_ROUNDS = 20;
  private static final int WANTED_INTERRUPTIONS = 2;

  @TempDir Path root;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void durableWriteKilledAtAnyMomentLeavesTheOldOrTheNewContentNeverATornFile() throws Exception {
    String old = CrashWriter.content(false);
    String fresh = CrashWriter.content(true);
    Path data = root.resolve("data.txt");
    Files.writeString(data, old);
    Random random = new Random(20_240_917);
    int interrupted = 0;
    List<String> outcomes = new ArrayList<>();

    // At least MIN_ROUNDS kills; more (up to MAX_ROUNDS) until enough of them provably landed
    // while a temporary file existed, i.e. in the middle of a write.
    for (int round = 0;
        round < MIN_ROUNDS || (interrupted < WANTED_INTERRUPTIONS && round < MAX_ROUNDS);
        round++) {
      Process child = startChild("true");
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        // Let 1 to 3 writes finish, timing the last; then kill at a uniformly random point of
        // the next write, which takes about as long.
        int writesToFinish = 1 + random.nextInt(3);
        long started = 0;
        long duration = 0;
        int finished = 0;
        String line;
        while ((line = lines.readLine()) != null) {
          assertThat(line).doesNotStartWith("failed");
          if (line.startsWith("w ")) {
            started = System.nanoTime();
            if (finished == writesToFinish) {
              break;
            }
          } else if (line.startsWith("d ")) {
            duration = System.nanoTime() - started;
            finished++;
          }
        }
        assertThat(finished).as("child reported its writes").isEqualTo(writesToFinish);
        // Random delay, not synchronisation: it only chooses where inside the write to kill.
        LockSupport.parkNanos((long) (random.nextDouble() * duration));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      String content = Files.readString(data, StandardCharsets.UTF_8);
      assertThat(content.equals(old) || content.equals(fresh))
          .as("round %d: %d bytes starting %s", round, content.length(), head(content))
          .isTrue();
      outcomes.add(content.equals(old) ? "old" : "new");
      interrupted += removeTemporaryFiles();
    }
    // Evidence that kills landed mid-write: a temporary file was left behind.
    assertThat(interrupted).as("rounds killed mid-write; outcomes %s", outcomes).isPositive();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void writeThatIsNotForcedKilledWhileItsTemporaryFileExistsLeavesTheOldOrTheNewContent()
      throws Exception {
    String old = CrashWriter.content(false);
    String fresh = CrashWriter.content(true);
    Path data = root.resolve("data.txt");
    Files.writeString(data, old);
    Random random = new Random(20_250_101);
    int interrupted = 0;
    List<String> outcomes = new ArrayList<>();

    for (int round = 0; round < 3 || (interrupted < WANTED_INTERRUPTIONS && round < 8); round++) {
      // Let 0 to 2 writes finish; the child stops itself inside the next one, and is killed there.
      Process child = startChild("false", String.valueOf(random.nextInt(3)));
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null && !line.equals("t")) {
          assertThat(line).doesNotStartWith("failed");
        }
        assertThat(line).as("the child stopped inside a write").isEqualTo("t");
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }

      String content = Files.readString(data, StandardCharsets.UTF_8);
      assertThat(content.equals(old) || content.equals(fresh))
          .as("round %d: %d bytes starting %s", round, content.length(), head(content))
          .isTrue();
      outcomes.add(content.equals(old) ? "old" : "new");
      interrupted += removeTemporaryFiles();
    }
    assertThat(interrupted)
        .as("rounds killed with a temporary file left; outcomes %s", outcomes)
        .isGreaterThanOrEqualTo(WANTED_INTERRUPTIONS);
  }

  private Process startChild(String... arguments) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      classPath = classPath + File.pathSeparator + modulePath;
    }
    List<String> command =
        new ArrayList<>(
            List.of(java, "-Xshare:auto", "-cp", classPath, CrashWriter.class.getName()));
    command.add(root.toString());
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private int removeTemporaryFiles() throws IOException {
    List<Path> temporary;
    try (Stream<Path> files = Files.list(root)) {
      temporary = files.filter(p -> p.getFileName().toString().startsWith(".xct-")).toList();
    }
    for (Path path : temporary) {
      Files.delete(path);
    }
    return temporary.isEmpty() ? 0 : 1;
  }

  private static String head(String content) {
    return content.substring(0, Math.min(8, content.length()));
  }
}
