package dev.xct.tools.shell.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The kernel's clock and task count, read around real processes. */
class ProcMarkTest {
  final Processes processes = new Processes();

  @AfterEach
  void killLeftovers() {
    processes.close();
  }

  @Test
  void aProcessStartedAfterTheMarkHasAStartTimeNoEarlier() {
    ProcMark mark = ProcMark.now();
    Process sleep = processes.start(Map.of(), "sleep", "1000");

    ProcTable.Entry entry = ProcTable.stat(sleep.pid());

    assertThat(mark.ticks()).isPositive();
    assertThat(entry.startTicks()).isBetween(mark.ticks(), ProcMark.nowTicks());
    assertThat(ProcTable.running(mark.ticks())).contains(entry);
  }

  @Test
  void everyProcessACommandStartsIsCounted() throws InterruptedException {
    ProcMark mark = ProcMark.now();
    Process command = processes.start(Map.of(), "sh", "-c", "true & true & wait");
    command.waitFor();

    assertThat(mark.forks()).isPositive();
    // sh and its two children, at least (others on the machine may add more).
    assertThat(ProcMark.tasksCreated()).isGreaterThanOrEqualTo(mark.forks() + 3);
    assertThat(mark.onlyOneTaskCreatedSince()).isFalse();
  }

  @Test
  void aMarkThatKnowsNothingNeverReportsAQuietMachine() {
    assertThat(ProcMark.UNKNOWN.onlyOneTaskCreatedSince()).isFalse();
  }
}
