package dev.xct.tools.shell.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads real processes' {@code stat} and {@code environ}; Linux only, like the kill. */
class ProcTableTest {
  private static final String MARKER = "XCT_SHELL_STEP=abc";

  @TempDir Path temp;
  final Processes processes = new Processes();

  @AfterEach
  void killLeftovers() {
    processes.close();
  }

  @Test
  void processesThatStartedBeforeTheGivenTimeAreLeftOut() {
    Process early = processes.start(Map.of(), "sleep", "1000");
    long earlyStart = ProcTable.stat(early.pid()).startTicks();

    assertThat(ProcTable.running(earlyStart + 1)).noneMatch(e -> e.pid() == early.pid());
    assertThat(ProcTable.running(-1)).anyMatch(e -> e.pid() == early.pid());
    assertThat(ProcTable.running(-1)).noneMatch(e -> e.pid() == ProcessHandle.current().pid());
  }

  @ParameterizedTest(name = "a process named \"{0}\" is read correctly")
  @ValueSource(strings = {"a) Z 1 2 (b", "x) X 0 0 0", ")", "sp ace", "((", "9 ) 8"})
  void aProcessWhoseNameImitatesTheStatFieldsIsReadCorrectly(String name) {
    Process sleep = processes.start(Map.of(), Processes.sleepNamed(temp, name).toString(), "1000");

    ProcTable.Entry entry = ProcTable.stat(sleep.pid());

    assertThat(entry).isNotNull();
    assertThat(entry.pid()).isEqualTo(sleep.pid());
    assertThat(entry.ppid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(entry.startTicks()).isPositive();
  }

  @Test
  void aZombieIsNotRunning() throws InterruptedException {
    Process zombie = processes.start(Map.of(), "sh", "-c", "true & echo $!; exec sleep 1000");
    long child = processes.printedPid(zombie);

    // The child of sh that exited is never reaped: sh has become sleep.
    assertThat(Processes.isRunning(zombie.pid())).isTrue();
    assertThat(waitUntilNotRunning(child)).isTrue();
    assertThat(ProcTable.running(-1)).noneMatch(e -> e.pid() == child);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "XCT_SHELL_STEP=abc                    | true",
        "XCT_SHELL_STEP=abcd                   | false",
        "XCT_SHELL_STEP=ab                     | false",
        "XCT_SHELL_STEP=                       | false",
        "XXCT_SHELL_STEP=abc                   | false",
        "OTHER=XCT_SHELL_STEP=abc              | false",
        "OTHER=x,XCT_SHELL_STEP=abc,LAST=y     | true",
        "LONG=<long>,XCT_SHELL_STEP=abc        | true",
        "LONG=<long>,XCT_SHELL_STEP=abcabc     | false",
      })
  void theMarkerIsFoundOnlyAsAWholeVariable(String variables, boolean expected) {
    Map<String, String> environment = new HashMap<>();
    for (String variable : variables.split(",")) {
      String[] pair = variable.split("=", 2);
      environment.put(pair[0], pair[1].replace("<long>", "x".repeat(20_000)));
    }
    Process sleep = processes.start(environment, "sleep", "1000");
    byte[] entry = (MARKER + "\0").getBytes(StandardCharsets.UTF_8);

    for (int size : new int[] {1, 7, 8192}) {
      assertThat(ProcTable.environContains(sleep.pid(), entry, new byte[size]))
          .as("buffer of %d bytes", size)
          .isEqualTo(expected);
    }
  }

  @Test
  void theEnvironmentOfAProcessThatIsGoneContainsNothing() throws InterruptedException {
    Process gone = processes.start(Map.of("XCT_SHELL_STEP", "abc"), "true");
    gone.waitFor();

    assertThat(
            ProcTable.environContains(
                gone.pid(), (MARKER + "\0").getBytes(StandardCharsets.UTF_8), new byte[64]))
        .isFalse();
  }

  private static boolean waitUntilNotRunning(long pid) {
    long end = System.nanoTime() + 10_000_000_000L;
    while (Processes.isRunning(pid) && System.nanoTime() < end) {
      LockSupport.parkNanos(5_000_000L);
    }
    return !Processes.isRunning(pid);
  }
}
