package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static dev.xct.tools.shell.Shell.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bubblewrap sandbox: writes outside the root and network connections fail inside it, and its
 * PID namespace takes down even a process that left the session and dropped the environment marker.
 * The sandbox is the default, so without {@code bwrap} these tests fail (as every other test that
 * builds the tools does): nothing here is skipped.
 */
class BubblewrapTest {
  @TempDir Path temp;
  Workspace workspace;
  Shell sandboxed;
  Shell plain;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
    workspace.file("a.txt", "alpha\n");
    workspace
        .script("write-to", "echo pwned > \"$1\"")
        .script("connect", "/bin/bash", "exec 3<>/dev/tcp/127.0.0.1/$1 && echo connected")
        .script("visible", "for p in \"$@\"; do test -e \"$p\" && echo \"$p\"; done; true")
        .script("vanish", "( setsid env -i /bin/sleep \"$1\" >/dev/null 2>&1 & )")
        .script("nap", "exec sleep \"$1\"")
        // Returns only once the sleeper has left the session and dropped its environment, so the
        // end-of-step sweep cannot win a race against the escape.
        .script(
            "vanish-sync",
            "( setsid env -i /bin/sh -c 'echo $$ > /tmp/xct-vanish-$0; exec /bin/sleep $0' \"$1\" & );"
                + " while [ ! -s /tmp/xct-vanish-$1 ]; do :; done");
    List<Program> fixtures =
        List.of(
            Workspace.plain("write-to"),
            Workspace.plain("connect"),
            Workspace.plain("visible"),
            Workspace.plain("vanish"),
            Workspace.plain("vanish-sync"),
            Workspace.plain("nap"));
    sandboxed =
        new Shell(
            workspace
                .builder()
                .allow(Presets.all())
                .allow(fixtures)
                .sandbox(Sandbox.bubblewrap())
                .build());
    plain = new Shell(workspace.unconfined().allow(fixtures).build());
  }

  @Test
  void aWriteOutsideTheRootFailsInsideTheSandbox() {
    Path target = workspace.outside.resolve("pwned.txt");
    Result result = sandboxed.execute(argv("write-to", target.toString()));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
    assertThat(target).doesNotExist();

    String probe = "/usr/xct-probe-" + UUID.randomUUID();
    Result system = sandboxed.execute(argv("write-to", probe));
    assertThat(Shell.code(system)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
    assertThat(Shell.field(system, "stderr")).contains("Read-only file system");
    assertThat(Path.of(probe)).doesNotExist();

    // The same write succeeds without the sandbox, and inside the root with it.
    assertThat(plain.execute(argv("write-to", target.toString())).isSuccess()).isTrue();
    assertThat(target).exists();
    Path inside = workspace.root.resolve("ok.txt");
    assertThat(sandboxed.execute(argv("write-to", inside.toString())).isSuccess()).isTrue();
    assertThat(inside).hasContent("pwned");
  }

  @Test
  void aNetworkConnectionFailsInsideTheSandbox() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(server.getLocalPort());
      Result outside = plain.execute(argv("connect", port));
      assertThat(Shell.field(outside, "stdout")).isEqualTo("connected\n");

      Result inside = sandboxed.execute(argv("connect", port));
      assertThat(Shell.code(inside)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
      assertThat(Shell.field(inside, "stdout")).isEmpty();
    }
  }

  @Test
  void theHostOutsideTheSystemDirectoriesIsAbsent() {
    Result result =
        sandboxed.execute(
            argv(
                "visible",
                "/usr/bin/ls",
                "/etc/passwd",
                workspace.root.toString(),
                "/etc/shadow",
                "/root",
                "/home",
                workspace.outside.toString(),
                System.getProperty("user.home")));
    assertThat(Shell.field(result, "stdout"))
        .isEqualTo("/usr/bin/ls\n/etc/passwd\n" + workspace.root + "\n");
  }

  @Test
  void ordinaryCommandsWorkInsideTheSandbox() {
    assertThat(Shell.field(sandboxed.execute(argv("cat", "a.txt")), "stdout")).isEqualTo("alpha\n");
    assertThat(Shell.field(sandboxed.execute(argv("ls", "-l")), "stdout")).contains("a.txt");
    workspace.git("init", "-q", ".").git("add", ".").git("commit", "-q", "-m", "init");
    Result log = sandboxed.execute(argv("git", "log", "--format=%s"));
    assertThat(Shell.field(log, "stdout")).as(log.toString()).isEqualTo("init\n");
  }

  @Test
  void aProcessThatLeftTheSessionAndDroppedItsEnvironmentDiesWithTheSandbox() {
    String token = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    Result result = sandboxed.execute(argv("vanish", token));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Workspace.sleepers(token)).isEmpty();
  }

  @RepeatedTest(10)
  void everyProcessTheCommandLeftBehindIsGoneWhenTheStepReturns() {
    // vanish-sync returns only once its background sleeper runs: when the step returns, the
    // sleeper must already be dead, not merely about to die.
    String token = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    Result result = sandboxed.execute(argv("vanish-sync", token));
    assertThat(result.isSuccess()).as("%s", result).isTrue();
    assertThat(Workspace.sleepers(token)).isEmpty();
  }

  @Test
  void withoutTheSandboxSuchAProcessEscapesWhichIsWhyTheSandboxExists() {
    String token = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    try {
      assertThat(plain.execute(argv("vanish-sync", token)).isSuccess()).isTrue();
      assertThat(
              Workspace.eventually(
                  () -> !Workspace.sleepers(token).isEmpty(), java.time.Duration.ofSeconds(10)))
          .isTrue();
    } finally {
      Workspace.sleepers(token)
          .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      Workspace.deleteQuietly(Path.of("/tmp/xct-vanish-" + token));
    }
  }

  @Test
  void aTimeoutKillsEverythingInTheSandbox() {
    String token = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    Result result = sandboxed.execute(with(argv("nap", token), "timeout_ms", 500));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_TIMEOUT);
    assertThat(Workspace.sleepers(token)).isEmpty();
  }
}
