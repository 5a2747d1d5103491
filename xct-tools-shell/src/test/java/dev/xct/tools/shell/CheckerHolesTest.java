package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static dev.xct.tools.shell.Shell.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The option checker's holes, each closed as a class: how an option is spelled never hides the
 * argument after it, options nobody listed are refused, the working directory and a launcher's own
 * operands get the program's access, and a rule for a program XCT knows gets XCT's profile. Real
 * programs; {@code args} is a fixture that prints its arguments, for rules about no real program.
 */
class CheckerHolesTest {
  @TempDir Path temp;
  Workspace workspace;
  String outside;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
    workspace.file("a.txt", "alpha\n");
    workspace.script("args", "printf '%s\\n' \"$@\"");
    outside = workspace.outside.resolve("secret.txt").toString();
  }

  @Test
  void anExactOptionNobodyListedNeverInheritsTheKindOfALongerOneItPrefixes() {
    Shell shell = workspace.shell();
    // grep --binary is an option of its own; the old checker took it for --binary-files.
    Workspace.assertRefused(
        shell, argv("grep", "x", "--binary", outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    // The same for any rule: --bin may be an abbreviation of --binary-files or an exact option.
    Program rule = Program.builder("args").valueOptions("--binary-files").build();
    Shell custom = new Shell(workspace.builder().allow(rule).build());
    Workspace.assertRefused(
        custom, argv("args", "--binary", outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    Workspace.assertRefused(
        custom, argv("args", "--bin", "a.txt", outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(Shell.field(custom.execute(argv("args", "--binary-files", "text")), "stdout"))
        .isEqualTo("--binary-files\ntext\n");
  }

  @Test
  void anOptionalValueIsAttachedOnlyAndTheNextArgumentIsAnOperand() {
    Program rule = Program.builder("args").optionalValueOptions("--color", "-U").build();
    Shell shell = new Shell(workspace.builder().allow(rule).build());
    Workspace.assertRefused(
        shell, argv("args", "--color", outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    Workspace.assertRefused(shell, argv("args", "-U", outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(shell.execute(argv("args", "--color=always", "-U5", "a.txt")).isSuccess()).isTrue();
    Workspace.assertRefused(
        workspace.shell(),
        argv("diff", "--unified", outside, "a.txt"),
        ShellErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @Test
  void optionsARuleDoesNotListAreRefused() {
    Shell shell = workspace.shell();
    for (String[] argv :
        List.of(
            new String[] {"ls", "--no-such-option"},
            new String[] {"cat", "-Z", "a.txt"},
            new String[] {"git", "log", "--frobnicate"},
            new String[] {"find", ".", "-frobnicate"})) {
      Result.Failure failure =
          Workspace.assertRefused(shell, argv(argv), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
      assertThat(failure.message()).contains("is not one the policy accepts");
    }
  }

  @Test
  void unvettedOptionsStillHaveTheirAttachedValuesAndNextArgumentsConfined() {
    Program rule = Program.builder("args").unvettedOptionsAtOwnRisk().build();
    Shell shell = new Shell(workspace.builder().allow(rule).build());
    Workspace.assertRefused(
        shell, argv("args", "--config=" + outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    Workspace.assertRefused(shell, argv("args", "-c" + outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    Workspace.assertRefused(
        shell, argv("args", "--config", outside), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(Shell.field(shell.execute(argv("args", "--anything", "a.txt")), "stdout"))
        .isEqualTo("--anything\na.txt\n");
  }

  @Test
  void theWorkingDirectoryIsCheckedWithTheProgramsAccess() throws IOException {
    workspace.git("init", "-q", ".");
    Path archive = workspace.outside.resolve("hook.tar");
    Files.createDirectories(workspace.base.resolve("payload/hooks"));
    Files.writeString(
        workspace.base.resolve("payload/hooks/pre-commit"), "#!/bin/sh\necho pwned\n");
    Workspace.git(workspace.base, "init", "-q", "scratch");
    new ProcessBuilder(
            "tar",
            "-cf",
            archive.toString(),
            "-C",
            workspace.base.resolve("payload").toString(),
            "hooks")
        .inheritIO()
        .start()
        .onExit()
        .join();
    Files.copy(archive, workspace.root.resolve("hook.tar"));
    Shell shell = workspace.shell();
    Workspace.assertRefused(
        shell,
        with(argv("tar", "-xf", workspace.root.resolve("hook.tar").toString()), "cwd", ".git"),
        FsErrorCodes.PATH_DENIED);
    assertThat(workspace.root.resolve(".git/hooks/pre-commit")).doesNotExist();
    // A read-only program may still look inside .git.
    assertThat(shell.execute(with(argv("ls"), "cwd", ".git")).isSuccess()).isTrue();
  }

  @Test
  void aWritingProgramCannotUseAReadOnlyRootAsItsWorkingDirectory() throws IOException {
    Path docs = Files.createDirectories(temp.resolve("docs"));
    Files.copy(workspace.root.resolve("a.txt"), docs.resolve("a.txt"));
    PathConfinement roots =
        PathConfinement.builder()
            .root(workspace.root, RootAccess.READ_WRITE)
            .root(docs, RootAccess.READ_ONLY)
            .build();
    Shell shell =
        new Shell(
            workspace.builder().confinement(roots).allow(Presets.tar(), Presets.ls()).build());
    Workspace.assertRefused(
        shell,
        with(
            argv("tar", "-cf", workspace.root.resolve("x.tar").toString(), "a.txt"),
            "cwd",
            docs.toString()),
        FsErrorCodes.READ_ONLY_ROOT);
    assertThat(docs.resolve("x.tar")).doesNotExist();
    assertThat(shell.execute(with(argv("ls"), "cwd", docs.toString())).isSuccess()).isTrue();
  }

  @Test
  void aLaunchersOwnOperandsAreCheckedAsPathsWithItsAccess() {
    Program flock = Program.builder("flock").launcher(1).build();
    Shell shell = new Shell(workspace.builder().allow(flock, Presets.ls()).build());
    Path lock = workspace.outside.resolve("lock");
    Workspace.assertRefused(
        shell, argv("flock", lock.toString(), "ls"), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(lock).doesNotExist();
    Workspace.assertRefused(shell, argv("flock", ".git/lock", "ls"), FsErrorCodes.PATH_DENIED);
    Workspace.assertRefused(
        shell, argv("flock", "-c", "touch x", "lock"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    assertThat(shell.execute(argv("flock", "my.lock", "ls")).isSuccess()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "tar --to-command=touch${OUT}/ran -xf a.tar",
        "tar --to-c=touch${OUT}/ran -xf a.tar",
        "tar -xf a.tar --checkpoint=1 --checkpoint-action=exec=touch${OUT}/ran",
        "tar -I touch${OUT}/ran -cf b.tar a.txt",
        "tar -xPf a.tar",
        "tar -x --absolute-names -f a.tar",
        "tar -T a.txt -cf b.tar",
        "tar -chf b.tar a.txt",
        "tar xf a.tar",
        "tar -xf a.tar --keep-directory-symlink",
        "tar -xf a.tar --same-owner",
        "tar -xpf a.tar",
        "sort --compress-program=touch a.txt",
        "sort --compress-prog touch a.txt",
        "sort --files0-from=a.txt",
        "sed --follow-symlinks -n p a.txt",
        "find . -exec touch ${OUT}/ran ;",
        "find -L .",
        "env -S touch${OUT}/ran"
      })
  void whatRunsCodeOrReachesOutsideIsRefusedForProgramsAllowedByBareName(String line) {
    Program[] bare =
        List.of("tar", "sort", "sed", "find", "env").stream()
            .map(
                name ->
                    name.equals("env")
                        ? Program.builder(name).launcher(0).build()
                        : Program.builder(name).build())
            .toArray(Program[]::new);
    Shell shell = new Shell(workspace.unconfined().allow(bare).build());
    String[] argv = line.replace("${OUT}", workspace.outside.toString()).split(" ");
    Workspace.assertRefused(shell, argv(argv), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    assertThat(workspace.outside.resolve("ran")).doesNotExist();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "1e touch ${OUT}/ran",
        "s/alpha/beta/e",
        "w ${OUT}/ran",
        "s/alpha/x/w ${OUT}/ran",
        "r /etc/passwd",
        "1R /etc/passwd"
      })
  void sedAllowedByBareNameRunsWithItsSandboxSoItsScriptsRunAndWriteNothing(String script) {
    Program sed = Program.builder("sed").flags("-n").valueOptions("-e").pathOptions("-f").build();
    Shell shell = new Shell(workspace.unconfined().allow(sed).build());
    String text = script.replace("${OUT}", workspace.outside.toString());
    for (java.util.Map<String, Object> arguments :
        List.of(
            argv("sed", "-e", text, "a.txt"),
            argv("sed", text, "a.txt"),
            with(argv("sed", "-f", "-", "a.txt"), "stdin", text + "\n"))) {
      Result result = shell.execute(arguments);
      assertThat(Shell.code(result)).as("%s", arguments).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
      assertThat(Shell.field(result, "stderr")).contains("sandbox mode");
    }
    assertThat(workspace.outside.resolve("ran")).doesNotExist();
  }

  @Test
  void aProgramIsKnownByTheFileItResolvesToNotOnlyByItsName() throws IOException {
    Files.createSymbolicLink(workspace.bin.resolve("mysed"), Path.of("/usr/bin/sed"));
    Shell shell = new Shell(workspace.unconfined().allow(Program.builder("mysed").build()).build());
    Result result = shell.execute(argv("mysed", "1e touch " + workspace.outside + "/ran", "a.txt"));
    assertThat(Shell.field(result, "stderr")).contains("sandbox mode");
    assertThat(workspace.outside.resolve("ran")).doesNotExist();
  }
}
