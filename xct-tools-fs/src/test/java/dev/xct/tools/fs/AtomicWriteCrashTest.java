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
 * random moments, and checks that the file always holds exactly the old or the new content.
 */
class AtomicWriteCrashTest {
  private static final int MIN_ROUNDS = 6;
  private static final int MAX_ROUNDS = 20;
  private static final int WANTED_INTERRUPTIONS = 2;

  @TempDir Path root;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void writeKilledAtAnyMomentLeavesTheOldOrTheNewContentNeverATornFile() throws Exception {
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
      Process child = startChild();
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

  private Process startChild() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      classPath = classPath + File.pathSeparator + modulePath;
    }
    return new ProcessBuilder(
            java,
            "-Xshare:auto",
            "-cp",
            classPath,
            CrashWriter.class.getName(),
            root.toString(),
            "true")
        .redirectErrorStream(true)
        .start();
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
