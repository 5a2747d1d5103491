package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static dev.xct.tools.shell.Shell.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment, stdin, output capping and decoding, exit codes and argument limits. */
class ExecutionTest {
  @TempDir Path temp;
  Workspace workspace;
  Shell shell;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
    workspace
        .script("flood", "head -c 50000000 /dev/zero | tr '\\000' x")
        .script("flood-err", "head -c 5000000 /dev/zero | tr '\\000' e >&2")
        // Fills its home, with a link to a directory outside it, and prints where it was.
        .script(
            "litter",
            "mkdir -p \"$HOME/d/e\" && echo x > \"$HOME/d/e/f\" && ln -s \"$1\" \"$HOME/d/out\""
                + " && echo \"$HOME\"");
    workspace.file("a.txt", "alpha\n");
    shell =
        workspace.shell(
            Workspace.plain("printenv"),
            Workspace.plain("yes"),
            Workspace.plain("flood"),
            Workspace.plain("flood-err"),
            Workspace.plain("litter"));
  }

  @Test
  void theEnvironmentIsScrubbedToAFixedAllowlistWithTheSandboxsPrivateTmpAsHome() {
    assertThat(System.getenv("XCT_TEST_PARENT_SECRET")).isEqualTo("hunter2");
    Map<String, String> seen = environment(shell);
    // bwrap's --chdir sets PWD to the working directory.
    assertThat(seen.keySet()).containsExactlyInAnyOrder("PATH", "LANG", "HOME", "TMPDIR", "PWD");
    assertThat(seen.get("PWD")).isEqualTo(workspace.root.toString());
    assertThat(seen.get("PATH")).isEqualTo(workspace.bin + ":/usr/bin:/bin");
    assertThat(seen.get("LANG")).isEqualTo("C.UTF-8");
    assertThat(seen.get("HOME")).isEqualTo(seen.get("TMPDIR")).isEqualTo("/tmp");
  }

  @Test
  void unconfinedTheHomeIsAFreshPrivateDirectoryDeletedAfterTheStep() {
    Shell unconfined = new Shell(workspace.unconfined().allow(Workspace.plain("printenv")).build());
    Map<String, String> seen = environment(unconfined);
    assertThat(seen.keySet())
        .containsExactlyInAnyOrder("PATH", "LANG", "HOME", "TMPDIR", "XCT_SHELL_STEP");
    assertThat(seen.get("HOME"))
        .isEqualTo(seen.get("TMPDIR"))
        .doesNotContain(System.getenv("HOME"));
    assertThat(Path.of(seen.get("HOME"))).doesNotExist(); // deleted after the step
  }

  private static Map<String, String> environment(Shell shell) {
    Result result = shell.execute(argv("printenv"));
    return Arrays.stream(Shell.field(result, "stdout").split("\n"))
        .map(line -> line.split("=", 2))
        .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
  }

  @Test
  void unconfinedAHomeLeftFullIsDeletedWithoutFollowingItsLinks() {
    Shell unconfined = new Shell(workspace.unconfined().allow(Workspace.plain("litter")).build());
    Result result = unconfined.execute(argv("litter", workspace.outside.toString()));
    assertThat(result.isSuccess()).as("%s", result).isTrue();
    assertThat(Path.of(Shell.field(result, "stdout").trim())).doesNotExist();
    assertThat(workspace.outside.resolve("secret.txt")).hasContent("secret");
  }

  @Test
  void theIntegratorAndTheRuleAddVariablesTheModelCannot() {
    Shell custom =
        new Shell(
            workspace
                .builder()
                .environment("TZ", "UTC")
                .allow(
                    Program.builder("printenv")
                        .operandsAreNotPaths()
                        .noOptions()
                        .environment("GIT_CEILING_DIRECTORIES", "${XCT_ROOT_PARENT}")
                        .build())
                .build());
    String out = Shell.field(custom.execute(argv("printenv")), "stdout");
    assertThat(out).contains("TZ=UTC\n", "GIT_CEILING_DIRECTORIES=" + workspace.base + "\n");
    Workspace.assertRefused(
        custom,
        with(argv("printenv"), "env", Map.of("LD_PRELOAD", "/tmp/x.so")),
        ErrorCodes.INVALID_ARGUMENTS);
  }

  @Test
  void aProgramReadingStdinSeesEndOfFileWhenNoneIsGiven() {
    Result result = shell.execute(with(argv("cat"), "timeout_ms", 20_000));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Shell.field(result, "stdout")).isEmpty();
    assertThat(Long.parseLong(Shell.field(result, "duration_ms"))).isLessThan(10_000);
  }

  @Test
  void stdinIsFedWhenGiven() {
    Result result = shell.execute(with(argv("cat", "-", "a.txt"), "stdin", "héllo\n"));
    assertThat(Shell.field(result, "stdout")).isEqualTo("héllo\nalpha\n");
  }

  @Test
  void stdinTheProgramDoesNotReadDoesNotBlockIt() {
    String big = "line\n".repeat(180_000);
    Result result = shell.execute(with(argv("head", "-n", "1"), "stdin", big));
    assertThat(Shell.field(result, "stdout")).isEqualTo("line\n");
  }

  @Test
  void stdinOverTheCapIsRefused() {
    Shell small = new Shell(workspace.builder().allow(Presets.cat()).maxStdinBytes(4).build());
    Workspace.assertRefused(
        small, with(argv("cat"), "stdin", "12345"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
  }

  @Test
  void anOutputFloodIsCappedInMemoryAndCounted() {
    Result result = shell.execute(argv("flood"));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Shell.field(result, "stdout")).hasSize(64 * 1024).matches("x+");
    assertThat(Shell.field(result, "stdout_bytes")).isEqualTo("50000000");
    assertThat(Shell.flags(result)).containsExactly(ShellErrorCodes.OUTPUT_TRUNCATED);
  }

  @Test
  void stderrIsCappedOnItsOwn() {
    Result result = shell.execute(argv("flood-err"));
    assertThat(Shell.field(result, "stderr")).hasSize(64 * 1024);
    assertThat(Shell.field(result, "stdout")).isEmpty();
    assertThat(Shell.flags(result)).containsExactly(ShellErrorCodes.OUTPUT_TRUNCATED);
  }

  @Test
  void aFloodThatNeverEndsStopsAtTheTimeoutWithItsCappedOutput() {
    Result result = shell.execute(with(argv("yes"), "timeout_ms", 1_000));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_TIMEOUT);
    assertThat(Shell.field(result, "stdout")).hasSize(64 * 1024).startsWith("y\ny\n");
    assertThat(Shell.flags(result)).contains(ShellErrorCodes.OUTPUT_TRUNCATED);
  }

  @Test
  void bytesThatAreNotUtf8AreReplacedNotFatal() throws Exception {
    Files.write(workspace.root.resolve("bad.bin"), new byte[] {'f', (byte) 0xff, (byte) 0xfe, 'g'});
    Result result = shell.execute(argv("cat", "bad.bin"));
    assertThat(Shell.field(result, "stdout")).isEqualTo("f\uFFFD\uFFFDg");
  }

  @Test
  void aCharacterCutByTheCapIsDroppedRatherThanGarbled() {
    workspace.file("e.txt", "abcdé");
    Shell tiny = new Shell(workspace.builder().allow(Presets.cat()).maxOutputBytes(5).build());
    Result result = tiny.execute(argv("cat", "e.txt"));
    assertThat(Shell.field(result, "stdout")).isEqualTo("abcd");
    assertThat(Shell.flags(result)).containsExactly(ShellErrorCodes.OUTPUT_TRUNCATED);
  }

  @Test
  void aNonZeroExitIsCommandFailedWithTheCodeAndOutput() {
    Result result = shell.execute(argv("ls", "missing"));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
    assertThat(Shell.field(result, "exit_code")).isEqualTo("2");
    assertThat(Shell.field(result, "stderr")).contains("missing", "No such file");
    assertThat(((Result.Failure) result).message()).isEqualTo("ls exited with code 2");
  }

  @Test
  void successCarriesTheExitCodeOutputAndDuration() {
    Result result = shell.execute(argv("cat", "a.txt"));
    assertThat(Shell.field(result, "exit_code")).isEqualTo("0");
    assertThat(Shell.field(result, "stdout")).isEqualTo("alpha\n");
    assertThat(Shell.field(result, "stderr")).isEmpty();
    assertThat(Shell.field(result, "duration_ms")).isNotNull();
    assertThat(Shell.flags(result)).isEmpty();
  }

  @Test
  void aHugeArgvIsRefused() {
    String[] many = new String[300];
    Arrays.fill(many, "a.txt");
    many[0] = "cat";
    Workspace.assertRefused(shell, argv(many), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Workspace.assertRefused(
        shell, argv("cat", "x".repeat(5_000)), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    String[] wide = new String[70];
    Arrays.fill(wide, "a.txt");
    wide[0] = "cat";
    Workspace.assertRefused(shell, argv(wide), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Shell narrow = new Shell(workspace.builder().allow(Presets.cat()).maxArgv(10, 100).build());
    Workspace.assertRefused(
        narrow, argv("cat", "y".repeat(60), "z".repeat(60)), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
  }

  @Test
  void nulBytesAndBrokenUnicodeInArgumentsAreRefused() {
    Workspace.assertRefused(
        shell, argv("cat", "a.txt\u0000x"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Workspace.assertRefused(shell, argv("cat", "a\ud800b"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Workspace.assertRefused(
        shell, with(argv("ls"), "cwd", "sub\u0000"), ErrorCodes.INVALID_ARGUMENTS);
  }

  @Test
  void malformedArgumentsAreInvalidArguments() {
    for (Map<String, Object> arguments :
        List.<Map<String, Object>>of(
            Map.of(),
            Map.of("argv", List.of()),
            Map.of("argv", "ls -la"),
            Map.of("argv", List.of("ls", 1)),
            Map.of("argv", List.of("ls"), "command", "ls"),
            with(argv("ls"), "timeout_ms", -5),
            with(argv("ls"), "timeout_ms", "soon"),
            with(argv("ls"), "stdin", 42))) {
      Workspace.assertRefused(shell, arguments, ErrorCodes.INVALID_ARGUMENTS);
    }
  }
}
