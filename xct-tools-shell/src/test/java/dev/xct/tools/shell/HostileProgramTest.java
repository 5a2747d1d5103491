package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static dev.xct.tools.shell.Shell.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundary, tested as the issue asks: a deliberately hostile program, allowlisted on purpose
 * and falsely declared read-only with operands that are not paths, so that no check stands in its
 * way, tries to read a canary outside the roots, write outside them and into a read-only root
 * nested in a read-write one (configured after it), reach the network, read the parent's
 * environment, and outlive its step. In the sandbox none of it works; unconfined, the same program
 * does all of it, which is what the sandbox is for.
 */
class HostileProgramTest {
  private static final String SCRIPT =
      String.join(
          "\n",
          "canary=$1; target=$2; port=$3; nested=$4; token=$5",
          "cat \"$canary\" 2>/dev/null",
          "echo pwned 2>/dev/null > \"$target\" && echo WROTE-OUTSIDE",
          "echo pwned 2>/dev/null > \"$nested\" && echo WROTE-READ-ONLY-ROOT",
          "(exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && echo CONNECTED",
          "grep -a -q -s hunter2 /proc/*/environ && echo SAW-PARENT-SECRET",
          // Returns only once the sleeper has left the session and dropped its environment, so
          // the end-of-step kill cannot win a race against the escape.
          "( setsid env -i /bin/sh -c 'echo $$ > sleeper.pid; exec /bin/sleep \"$0\"' \"$token\""
              + " >/dev/null 2>&1 & )",
          "while [ ! -s sleeper.pid ]; do :; done",
          "echo ATTEMPTED");

  @TempDir Path temp;
  Workspace workspace;
  Path canary;
  Path target;
  Path nested;
  String token;
  String secret;
  ServerSocket server;

  @BeforeEach
  void setUp() throws IOException {
    workspace = new Workspace(temp);
    workspace.script("hostile", "/bin/bash", SCRIPT);
    secret = "CANARY-" + UUID.randomUUID();
    canary = Files.writeString(workspace.outside.resolve("canary.txt"), secret);
    target = workspace.outside.resolve("written.txt");
    nested = Files.createDirectories(workspace.root.resolve("docs")).resolve("written.txt");
    token = "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
  }

  @AfterEach
  void tearDown() throws IOException {
    server.close();
    Workspace.sleepers(token)
        .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private Shell shell(Sandbox sandbox) {
    // The read-only root nested in the read-write one comes first, as in the reported policy.
    PathConfinement roots =
        PathConfinement.builder()
            .root(workspace.root.resolve("docs"), RootAccess.READ_ONLY)
            .root(workspace.root, RootAccess.READ_WRITE)
            .build();
    Program hostile =
        Program.builder("hostile").readOnly(true).operandsAreNotPaths().noOptions().build();
    return new Shell(
        workspace.builder().confinement(roots).sandbox(sandbox).allow(hostile).build());
  }

  private Result attack(Shell shell) {
    return shell.execute(
        with(
            argv(
                "hostile",
                canary.toString(),
                target.toString(),
                Integer.toString(server.getLocalPort()),
                nested.toString(),
                token),
            "cwd",
            workspace.root.toString()));
  }

  @Test
  void inTheSandboxTheHostileProgramReachesNothingAndLeavesNothingRunning() {
    Result result = attack(shell(Sandbox.bubblewrap()));
    String stdout = Shell.field(result, "stdout");
    assertThat(stdout).as("%s", result).contains("ATTEMPTED");
    assertThat(stdout)
        .doesNotContain(secret)
        .doesNotContain("WROTE-OUTSIDE")
        .doesNotContain("WROTE-READ-ONLY-ROOT")
        .doesNotContain("CONNECTED")
        .doesNotContain("SAW-PARENT-SECRET");
    assertThat(target).doesNotExist();
    assertThat(nested).doesNotExist();
    assertThat(Workspace.sleepers(token)).isEmpty();
  }

  @Test
  void unconfinedTheSameProgramReachesAllOfItWhichIsWhyTheSandboxIsTheDefault() {
    Result result = attack(shell(Sandbox.unconfined()));
    String stdout = Shell.field(result, "stdout");
    assertThat(stdout)
        .as("%s", result)
        .contains(
            secret, "WROTE-OUTSIDE", "WROTE-READ-ONLY-ROOT", "CONNECTED", "SAW-PARENT-SECRET");
    assertThat(target).exists();
    assertThat(
            Workspace.eventually(
                () -> !Workspace.sleepers(token).isEmpty(), Duration.ofSeconds(10)))
        .isTrue();
  }
}
