package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static dev.xct.tools.shell.Shell.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No process of an unconfined command survives its step: not on a timeout, not on cancellation, not
 * when the command exits leaving children behind, not when they were reparented or left the session
 * while keeping the command's environment; the one documented gap is a reparented process that also
 * dropped the environment (the sandbox covers it). Assertions read the process table ({@code
 * /proc}).
 */
class ProcessTreeTest {
  @TempDir Path temp;
  Workspace workspace;
  Shell shell;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
    workspace
        // Prints its own pid, then becomes the sleep.
        .script("nap", "echo $$; exec sleep 1000")
        // Exits at once, leaving a child behind that holds stdout open.
        .script("spawn", "sleep 1000 &\necho $!")
        // The grandchild leaves the session, keeping the environment marker.
        .script("escape", "( setsid sleep 1000 & echo $! )")
        // A daemon: double fork, new session, and the session's leader exits, so the sleep is
        // neither a descendant nor in the command's session nor a session leader.
        .script("daemon", "( setsid sh -c 'sleep 1000 & echo $!' & wait )")
        // Records the pids of itself and a child, then waits forever.
        .script("linger", "sleep 1000 &\necho $$ $! > pids.txt\nwait");
    // The kill of an unconfined command; in the sandbox its PID namespace does it (BubblewrapTest).
    shell =
        workspace.unconfinedShell(
            Workspace.plain("sleep"),
            Workspace.plain("nap"),
            Workspace.plain("spawn"),
            Workspace.plain("escape"),
            Workspace.plain("daemon"),
            Workspace.plain("linger"));
  }

  @Test
  void aCommandSleepingFarPastItsTimeoutIsKilled() {
    long start = System.nanoTime();
    Result result = shell.execute(with(argv("nap"), "timeout_ms", 300));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_TIMEOUT);
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
    assertThat(Workspace.isRunning(pids(result).get(0))).isFalse();
    assertThat(Shell.field(result, "timeout_ms")).isEqualTo("300");
  }

  @Test
  void theModelsTimeoutIsCappedByTheConfiguredMaximum() {
    Shell capped =
        new Shell(
            workspace
                .unconfined()
                .allow(Workspace.plain("nap"))
                .defaultTimeout(Duration.ofMillis(200))
                .maxTimeout(Duration.ofMillis(400))
                .build());
    Result result = capped.execute(with(argv("nap"), "timeout_ms", 3_600_000));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_TIMEOUT);
    assertThat(Shell.field(result, "timeout_ms")).isEqualTo("400");
    assertThat(Workspace.isRunning(pids(result).get(0))).isFalse();
  }

  @Test
  void theStepsDeadlineBoundsTheCommandToo() {
    Result result =
        shell.execute(argv("nap"), CancellationToken.create(), Duration.ofMillis(1_500));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_TIMEOUT);
    assertThat(Long.parseLong(Shell.field(result, "timeout_ms"))).isLessThanOrEqualTo(1_000);
    assertThat(Workspace.isRunning(pids(result).get(0))).isFalse();
  }

  @Test
  void aBackgroundChildLeftBehindIsKilledWhenTheCommandExits() {
    Result result = shell.execute(argv("spawn"));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Workspace.isRunning(pids(result).get(0))).isFalse();
  }

  @Test
  void aGrandchildThatLeftTheSessionIsKilledThroughTheEnvironmentMarker() {
    Result result = shell.execute(argv("escape"));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Workspace.isRunning(pids(result).get(0))).isFalse();
  }

  @Test
  void aGrandchildCaughtInExecveWhenTheCommandEndsIsStillKilled() {
    // The command exits while its orphaned grandchild is still exec'ing setsid and then sleep: a
    // scan at that moment may read its environment as empty. Repeated, since it is a race (before
    // the fix about one run in forty escaped on a loaded machine).
    for (int i = 0; i < 40; i++) {
      Result result = shell.execute(argv("escape"));
      assertThat(result.isSuccess()).isTrue();
      assertThat(Workspace.isRunning(pids(result).get(0))).as("run %d", i).isFalse();
    }
  }

  @Test
  void aDaemonWhoseSessionLeaderExitedIsKilledThroughTheEnvironmentMarker() {
    Result result = shell.execute(argv("daemon"));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Workspace.isRunning(pids(result).get(0))).isFalse();
  }

  @Test
  void aProcessThatIsNotTheCommandsIsNeverTouched() throws Exception {
    Process bystander = new ProcessBuilder("sleep", "1000").start();
    try {
      Result result = shell.execute(argv("daemon"));
      assertThat(result.isSuccess()).isTrue();
      assertThat(Workspace.isRunning(bystander.pid())).isTrue();
    } finally {
      bystander.destroyForcibly();
    }
  }

  @Test
  void cancellingTheRunKillsTheWholeTree() throws Exception {
    CancellationToken token = CancellationToken.create();
    CompletableFuture<Result> running =
        CompletableFuture.supplyAsync(
            () -> shell.execute(argv("linger"), token, Duration.ofSeconds(60)));
    Path pidFile = workspace.root.resolve("pids.txt");
    assertThat(
            Workspace.eventually(
                () -> Files.exists(pidFile) && readQuietly(pidFile).endsWith("\n"),
                Duration.ofSeconds(20)))
        .isTrue();
    List<Long> pids = parse(Files.readString(pidFile));
    assertThat(pids).allMatch(Workspace::isRunning);

    token.cancel();

    Result result = running.get(20, TimeUnit.SECONDS);
    assertThat(Shell.code(result)).isEqualTo(ErrorCodes.CANCELLED);
    assertThat(pids).noneMatch(Workspace::isRunning);
  }

  @Test
  void interruptingTheToolThreadKillsTheTreeAndKeepsTheInterrupt() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Result> result =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean stillInterrupted =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread tool =
        new Thread(
            () -> {
              result.set(shell.execute(argv("linger")));
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    tool.start();
    Path pidFile = workspace.root.resolve("pids.txt");
    assertThat(
            Workspace.eventually(
                () -> Files.exists(pidFile) && readQuietly(pidFile).endsWith("\n"),
                Duration.ofSeconds(20)))
        .isTrue();
    List<Long> pids = parse(Files.readString(pidFile));

    tool.interrupt();
    tool.join(20_000);

    assertThat(Shell.code(result.get())).isEqualTo(ErrorCodes.CANCELLED);
    assertThat(stillInterrupted).isTrue();
    assertThat(pids).noneMatch(Workspace::isRunning);
  }

  @Test
  void aRunCancelledBeforehandStartsNothing() {
    CancellationToken token = CancellationToken.create();
    token.cancel();
    Result result = shell.execute(argv("linger"), token, Duration.ofSeconds(60));
    assertThat(Shell.code(result)).isEqualTo(ErrorCodes.CANCELLED);
    assertThat(workspace.root.resolve("pids.txt")).doesNotExist();
  }

  private static List<Long> pids(Result result) {
    return parse(Shell.field(result, "stdout"));
  }

  private static List<Long> parse(String text) {
    return Arrays.stream(text.trim().split("\\s+")).map(Long::parseLong).toList();
  }

  private static String readQuietly(Path path) {
    try {
      return Files.readString(path);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
