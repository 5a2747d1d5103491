package dev.xct.tools.shell.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kill finds exactly the command's processes: its descendants and what carries its marker;
 * never a process that started before the command or shares nothing with it. Real processes;
 * assertions read the process table.
 */
class ProcessTreeKillerTest {
  private static final String MARKER = "XCT_SHELL_STEP=k1";
  private static final byte[] ENTRY = (MARKER + "\0").getBytes(StandardCharsets.UTF_8);
  private static final Map<String, String> MARKED = Map.of("XCT_SHELL_STEP", "k1");

  final Processes processes = new Processes();

  @AfterEach
  void killLeftovers() {
    processes.close();
  }

  @Test
  void aProcessThatStartedBeforeTheCommandIsNeverTouchedEvenWithTheSameMarker() {
    Process before = processes.start(MARKED, "sleep", "1000");
    Processes.waitForTicks(ProcTable.stat(before.pid()).startTicks(), 2);
    ProcMark since = ProcMark.now();
    Process command = processes.start(MARKED, "sleep", "1000");
    ProcessTreeKiller killer = new ProcessTreeKiller(command.toHandle(), MARKER, since);

    assertThat(killer.scan().targets())
        .extracting(ProcessHandle::pid)
        .containsExactly(command.pid());
    assertThat(killer.killAll()).isTrue();
    assertThat(Processes.isRunning(command.pid())).isFalse();
    assertThat(Processes.isRunning(before.pid())).isTrue();
  }

  @Test
  void withoutAKnownStartTimeEveryProcessCarryingTheMarkerIsFound() {
    Process before = processes.start(MARKED, "sleep", "1000");
    Process command = processes.start(MARKED, "sleep", "1000");
    ProcessTreeKiller killer = new ProcessTreeKiller(command.toHandle(), MARKER, ProcMark.UNKNOWN);

    assertThat(killer.scan().targets())
        .extracting(ProcessHandle::pid)
        .containsExactlyInAnyOrder(command.pid(), before.pid());
  }

  @Test
  void aProcessStartedDuringTheCommandThatSharesNothingIsNeverTouched() {
    ProcMark since = ProcMark.now();
    Process command = processes.start(MARKED, "sh", "-c", "echo $$; exec sleep 1000");
    processes.printedPid(command);
    Process bystander = processes.start(Map.of("XCT_SHELL_STEP", "other"), "sleep", "1000");
    ProcessTreeKiller killer = new ProcessTreeKiller(command.toHandle(), MARKER, since);

    assertThat(killer.killAll()).isTrue();
    assertThat(Processes.isRunning(command.pid())).isFalse();
    assertThat(Processes.isRunning(bystander.pid())).isTrue();
  }

  @Test
  void aChildThatDroppedTheMarkerIsFoundAsADescendantWhileTheCommandRuns() {
    ProcMark since = ProcMark.now();
    Process command =
        processes.start(
            MARKED, "sh", "-c", "env -u XCT_SHELL_STEP sleep 1000 & echo $!; exec sleep 1000");
    long child = processes.printedPid(command);
    // Once env has replaced itself with sleep, the child no longer carries the marker.
    assertThat(Processes.eventually(() -> !ProcTable.environContains(child, ENTRY, new byte[64])))
        .isTrue();
    assertThat(Processes.isRunning(child)).isTrue();
    ProcessTreeKiller killer = new ProcessTreeKiller(command.toHandle(), MARKER, since);

    assertThat(killer.scan().targets())
        .extracting(ProcessHandle::pid)
        .containsExactlyInAnyOrder(command.pid(), child);
    assertThat(killer.killAll()).isTrue();
    assertThat(Processes.isRunning(child)).isFalse();
  }

  @Test
  void aDaemonThatDoubleForksLeavesTheSessionAndOutlivesItsLeaderIsFoundByTheMarker()
      throws InterruptedException {
    ProcMark since = ProcMark.now();
    // sh -> subshell -> setsid sh (new session) -> sleep; both shells exit: the sleep is an
    // orphan in a session whose leader is gone, not a session leader, not a descendant.
    Process command =
        processes.start(MARKED, "sh", "-c", "( setsid sh -c 'sleep 1000 & echo $!' & wait )");
    long daemon = processes.printedPid(command);
    command.waitFor();
    assertThat(ProcTable.stat(daemon).ppid()).isNotEqualTo(command.pid());
    ProcessTreeKiller killer = new ProcessTreeKiller(command.toHandle(), MARKER, since);

    assertThat(killer.scan().targets()).extracting(ProcessHandle::pid).containsExactly(daemon);
    assertThat(killer.killAll()).isTrue();
    assertThat(Processes.isRunning(daemon)).isFalse();
  }

  @Test
  void aNewProcessWithNoReadableEnvironmentMakesTheScanUnsettledButIsNotTouched() {
    ProcMark since = ProcMark.now();
    Process command = processes.start(MARKED, "sleep", "1000");
    // env -i: exactly what a process caught in execve looks like to a reader of /proc.
    Process empty = processes.start(MARKED, "env", "-i", "sleep", "1000");
    assertThat(
            Processes.eventually(
                () ->
                    ProcTable.environ(empty.pid(), ENTRY, new byte[64]) == ProcTable.Environ.EMPTY))
        .isTrue();
    ProcessTreeKiller killer = new ProcessTreeKiller(command.toHandle(), MARKER, since);

    ProcessTreeKiller.Scan scan = killer.scan();
    assertThat(scan.unsettled()).isTrue();
    assertThat(scan.targets()).extracting(ProcessHandle::pid).containsExactly(command.pid());
    // It never settles: the kill looks a few more times, then ends without touching it.
    assertThat(killer.killAll()).isTrue();
    assertThat(Processes.isRunning(command.pid())).isFalse();
    assertThat(Processes.isRunning(empty.pid())).isTrue();
  }

  @Test
  void aScanThatMetOnlyReadableEnvironmentsIsSettled() {
    ProcMark since = ProcMark.now();
    Process command = processes.start(MARKED, "sleep", "1000");
    processes.start(Map.of("XCT_SHELL_STEP", "other"), "sleep", "1000");
    ProcessTreeKiller killer = new ProcessTreeKiller(command.toHandle(), MARKER, since);

    assertThat(killer.scan().unsettled()).isFalse();
  }
}
