package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration mistakes fail at build time; launchers are refused unless declared. */
class ShellToolsBuilderTest {
  @TempDir Path temp;
  Workspace workspace;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
    workspace.file("a.txt", "alpha\n");
    workspace.script("busybox", "exit 0");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"env", "timeout", "nice", "nohup", "setsid", "busybox"})
  void launchersAreRefusedUnlessDeclared(String name) {
    assertThatThrownBy(
            () -> workspace.builder().allow(Program.builder(name).noOptions().build()).build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'" + name + "'")
        .hasMessageContaining("launcher(n)");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"sudo", "chroot", "unshare", "nsenter", "setpriv", "strace", "firejail"})
  void launchersThatChangeUserRootOrNamespacesAreRefusedEvenWhenDeclared(String name) {
    workspace.script(name, "exit 0");
    assertThatThrownBy(
            () ->
                workspace
                    .builder()
                    .allow(Program.builder(name).launcher(1).noOptions().build())
                    .build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'" + name + "'")
        .hasMessageContaining("another user, in other namespaces, under another root");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"sh", "bash", "dash", "xargs", "perl", "python3", "awk", "find2"})
  void shellsInterpretersAndXargsAreRefusedEvenAsLaunchers(String name) throws Exception {
    if (name.equals("find2")) {
      // An innocent name that resolves to a shell is judged by what it runs.
      Files.createSymbolicLink(workspace.bin.resolve("find2"), Path.of("/usr/bin/dash"));
    }
    assertThatThrownBy(
            () -> workspace.builder().allow(Program.builder(name).launcher(0).build()).build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("cannot be allowed");
  }

  @Test
  void aDeclaredLauncherHasItsInnerCommandCheckedAgainstTheSameAllowlist() {
    Program env =
        Program.builder("env")
            .launcher(0)
            .deniedOptions("-S", "--split-string", "-C", "--chdir", "-u", "--unset")
            .build();
    Program timeout = Program.builder("timeout").launcher(1).valueOptions("-s", "-k").build();
    Shell shell = new Shell(workspace.builder().allow(Presets.all()).allow(env, timeout).build());

    assertThat(Shell.field(shell.execute(argv("env", "cat", "a.txt")), "stdout"))
        .isEqualTo("alpha\n");
    assertThat(
            Shell.field(
                shell.execute(argv("timeout", "-s", "KILL", "5", "cat", "a.txt")), "stdout"))
        .isEqualTo("alpha\n");
    Workspace.assertRefused(
        shell, argv("env", "LD_PRELOAD=/tmp/x.so", "ls"), ShellErrorCodes.COMMAND_NOT_ALLOWED);
    Workspace.assertRefused(
        shell, argv("env", "sh", "-c", "id"), ShellErrorCodes.COMMAND_NOT_ALLOWED);
    Workspace.assertRefused(shell, argv("env", "/usr/bin/ls"), ShellErrorCodes.COMMAND_NOT_ALLOWED);
    Workspace.assertRefused(
        shell, argv("env", "-S", "ls -la"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Workspace.assertRefused(
        shell, argv("timeout", "5", "find", ".", "-delete"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Workspace.assertRefused(
        shell, argv("timeout", "5", "cat", "/etc/passwd"), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    Workspace.assertRefused(shell, argv("timeout", "5"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Workspace.assertRefused(
        shell,
        argv("timeout", "5", "env", "timeout", "5", "env", "timeout", "5", "ls"),
        ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
  }

  @Test
  void thePreviewShowsExactlyWhatWouldRunAndRunsNothing() {
    ShellTools tools = workspace.builder().allow(Presets.git(), Presets.find()).build();
    dev.xct.core.tool.ToolContext context =
        new dev.xct.core.tool.ToolContext(
            "run",
            1,
            Instant.now().plusSeconds(30),
            dev.xct.core.CancellationToken.create(),
            java.time.Clock.systemUTC());
    JsonValue preview =
        tools
            .toolkit()
            .tools()
            .get(0)
            .preview(
                new dev.xct.core.tool.ToolCall(
                    "shell.exec", JsonValue.from(argv("git", "log", "-n", "1")), ""),
                context)
            .orElseThrow();
    assertThat(preview.toJson())
        .contains(
            "\"/usr/bin/git\",\"--no-pager\",\"-c\",\"core.fsmonitor=false\"",
            "\"log\",\"--no-ext-diff\",\"--no-textconv\",\"-n\",\"1\"]",
            "\"sandbox\":true",
            "\"GIT_ALLOW_PROTOCOL\":\"\"");
    JsonValue refused =
        tools
            .toolkit()
            .tools()
            .get(0)
            .preview(
                new dev.xct.core.tool.ToolCall(
                    "shell.exec", JsonValue.from(argv("find", ".", "-delete")), ""),
                context)
            .orElseThrow();
    assertThat(refused.get("refused").flatMap(JsonValue::asString))
        .contains(ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    assertThat(workspace.root.resolve("a.txt")).exists();
  }

  @Test
  void theToolIsReadOnlyOnlyWhenEveryProgramIs() {
    ShellTools readOnly =
        workspace.builder().allow(Presets.git(), Presets.ls(), Presets.sed()).build();
    assertThat(readOnly.spec().hints().readOnly()).isTrue();
    assertThat(readOnly.spec().hints().destructive()).isFalse();
    ShellTools mixed = workspace.builder().allow(Presets.ls(), Workspace.plain("touch")).build();
    assertThat(mixed.spec().hints().readOnly()).isFalse();
    assertThat(mixed.spec().hints().destructive()).isTrue();
    assertThat(mixed.spec().name()).isEqualTo("shell.exec");
    assertThat(mixed.spec().description())
        .contains(
            "ls, touch",
            "without a shell",
            "a sandbox that sees only the roots and has no network");
    assertThat(mixed.spec().timeout()).contains(Duration.ofMinutes(2).plusSeconds(2));
  }

  @Test
  void theValidatorIsNamedAndLeavesOtherToolsAlone() {
    ShellTools tools = workspace.builder().allow(Presets.ls()).build();
    Validator validator = tools.toolkit().validators().get(0);
    assertThat(tools.toolkit().validators()).containsExactly(validator);
    assertThat(validator.name()).isEqualTo("shell-allowlist");
    ValidationContext context =
        new ValidationContext(
            "run",
            1,
            ToolRegistry.builder().addAll(tools.toolkit().tools()).build(),
            RunStats.builder(Instant.now()).build(),
            Instant.now());
    Decision.Proposal other =
        Decision.propose("fs.read", JsonValue.from(Map.of("argv", "rm -rf /")), "");
    assertThat(validator.check(other, context).allows()).isTrue();
  }

  @Test
  void configurationMistakesFailAtBuildTimeNamingTheCulprit() {
    assertThatThrownBy(() -> ShellTools.builder().allow(Presets.ls()).build())
        .hasMessageContaining("root");
    assertThatThrownBy(() -> workspace.builder().build()).hasMessageContaining("at least one");
    assertThatThrownBy(
            () ->
                ShellTools.builder()
                    .root(workspace.root.resolve("nope"))
                    .allow(Presets.ls())
                    .build())
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () -> workspace.builder().searchPath(Path.of("bin")).allow(Presets.ls()).build())
        .hasMessageContaining("'bin'");
    assertThatThrownBy(
            () -> workspace.builder().searchPath(workspace.root).allow(Presets.ls()).build())
        .hasMessageContaining("inside the root");
    assertThatThrownBy(() -> workspace.builder().allow(Workspace.plain("no-such-program")).build())
        .hasMessageContaining("'no-such-program' is not on the PATH");
    assertThatThrownBy(() -> workspace.builder().allow(Presets.ls(), Presets.ls()))
        .hasMessageContaining("'ls' is allowed twice");
    assertThatThrownBy(
            () ->
                workspace
                    .builder()
                    .allow(Presets.ls())
                    .defaultTimeout(Duration.ofMinutes(5))
                    .build())
        .hasMessageContaining("defaultTimeout");
    assertThatThrownBy(
            () ->
                workspace
                    .builder()
                    .allow(Presets.ls())
                    .sandbox(Sandbox.bubblewrap(workspace.bin.resolve("no-bwrap")))
                    .build())
        .hasMessageContaining("bwrap");
  }

  @Test
  void programRulesRejectInconsistentDeclarations() {
    assertThatThrownBy(() -> Program.builder("ls -la")).hasMessageContaining("must match");
    assertThatThrownBy(() -> Program.builder("x").deniedOptions("-a").flags("-a").build())
        .hasMessageContaining("both denied and accepted");
    assertThatThrownBy(() -> Program.builder("x").deniedOptions("--bad option").build())
        .hasMessageContaining("GNU option");
    assertThatThrownBy(() -> Program.builder("x").deniedOptions("-ab").build())
        .hasMessageContaining("GNU option");
    assertThatThrownBy(() -> Program.builder("x").subcommandArguments("log", "-x").build())
        .hasMessageContaining("subcommand 'log', which it does not allow");
    assertThatThrownBy(() -> Program.builder("x").subcommands("a").launcher(0).build())
        .hasMessageContaining("cannot have subcommands");
    assertThat(Presets.git().toBuilder().build()).isEqualTo(Presets.git());
    assertThat(
            Program.builder("find").syntax(OptionSyntax.SINGLE_DASH).deniedOptions("-exec").build())
        .isNotEqualTo(Presets.find());
  }

  @Test
  void everyPresetButTarIsReadOnlyAndAllRunHere() {
    ShellTools tools = workspace.builder().allow(Presets.all()).build();
    for (Program preset : Presets.all()) {
      assertThat(preset.readOnly()).as(preset.name()).isEqualTo(!preset.name().equals("tar"));
    }
    assertThat(tools.spec().hints().destructive()).isTrue();
    Result result = new Shell(tools).execute(argv("wc", "-l", "a.txt"));
    assertThat(Shell.field(result, "stdout")).isEqualTo("1 a.txt\n");
  }
}
