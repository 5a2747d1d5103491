package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static dev.xct.tools.shell.Shell.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.FsErrorCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Path operands, path-valued options and the working directory stay inside the root. */
class PathConfinementTest {
  @TempDir Path temp;
  Workspace workspace;
  Shell shell;

  @BeforeEach
  void setUp() throws Exception {
    workspace = new Workspace(temp);
    workspace.file("a.txt", "alpha\n");
    workspace.file("sub/b.txt", "beta\n");
    Files.createSymbolicLink(
        workspace.root.resolve("link-secret"), workspace.outside.resolve("secret.txt"));
    Files.createSymbolicLink(workspace.root.resolve("dirlink"), workspace.outside);
    Files.createSymbolicLink(workspace.root.resolve("uplink"), workspace.root.getParent());
    shell = workspace.shell();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "cat /etc/passwd",
        "cat ../outside/secret.txt",
        "cat sub/../../outside/secret.txt",
        "cat link-secret",
        "cat dirlink/secret.txt",
        "cat dirlink/../outside/secret.txt",
        "cat uplink/outside/secret.txt",
        "cat -- /etc/passwd",
        "grep -f /etc/passwd a.txt",
        "grep --file=/etc/passwd a.txt",
        "grep --fil=/etc/passwd a.txt",
        "grep -f/etc/passwd a.txt",
        "grep -ivf /etc/passwd a.txt",
        "grep alpha -- /etc/passwd",
        "grep -e alpha /etc/passwd",
        "diff --from-file=/etc/passwd a.txt",
        "diff -X /etc/passwd a.txt sub/b.txt",
        "diff a.txt /etc/passwd",
        "find / -name passwd",
        "find .. -name secret.txt",
        "find . -newer /etc/passwd",
        "find . -neweram /etc/passwd",
        "git grep -f /etc/passwd",
        "git log -O/etc/passwd",
        "git log -O /etc/passwd",
        "head -n 1 /etc/passwd",
        "tail -n 1 /proc/self/environ",
        "ls -I x /etc",
        "ls /",
        "wc -- ../outside/secret.txt"
      })
  void pathArgumentsOutsideTheRootAreRefused(String line) {
    Result.Failure failure =
        Workspace.assertRefused(shell, argv(line.split(" ")), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(failure.details().get("index")).isPresent();
  }

  @ParameterizedTest(name = "[{index}] cwd {0}")
  @ValueSource(strings = {"..", "/", "/etc", "sub/../..", "dirlink", "uplink", "uplink/outside"})
  void workingDirectoriesOutsideTheRootAreRefused(String cwd) {
    Workspace.assertRefused(shell, with(argv("ls"), "cwd", cwd), ShellErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @Test
  void theAbsolutePathOfADirectoryOutsideIsRefusedAsCwd() {
    Workspace.assertRefused(
        shell,
        with(argv("ls"), "cwd", workspace.outside.toString()),
        ShellErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @ParameterizedTest(name = "[{index}] cwd {0}")
  @ValueSource(strings = {"a.txt", "missing"})
  void aWorkingDirectoryMustBeADirectory(String cwd) {
    Workspace.assertRefused(shell, with(argv("ls"), "cwd", cwd), FsErrorCodes.NOT_A_DIRECTORY);
  }

  @Test
  void relativePathsResolveAgainstTheWorkingDirectory() {
    Result result = shell.execute(with(argv("cat", "../a.txt", "b.txt"), "cwd", "sub"));
    assertThat(Shell.field(result, "stdout")).isEqualTo("alpha\nbeta\n");
  }

  @Test
  void absolutePathsInsideTheRootAreAllowed() {
    Result result = shell.execute(argv("cat", workspace.root.resolve("a.txt").toString()));
    assertThat(Shell.field(result, "stdout")).isEqualTo("alpha\n");
  }

  @Test
  void aTildeIsAnOrdinaryCharacterNotTheHomeDirectory() {
    Result result = shell.execute(argv("cat", "~/notes.txt"));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
    assertThat(Shell.field(result, "stderr")).contains("'~/notes.txt': No such file");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"cat .env", "grep -r x .ssh", "cat ~/.ssh/id_rsa", "head server.key"})
  void theFsDenyGlobsApplyToShellPathsToo(String line) {
    workspace.file(".env", "TOKEN=x\n");
    Workspace.assertRefused(shell, argv(line.split(" ")), FsErrorCodes.PATH_DENIED);
  }

  @Test
  void grepsPatternOperandIsNotAPathButItsFileOperandsAre() {
    Result result = shell.execute(argv("grep", "alph\\w", "a.txt"));
    assertThat(Shell.field(result, "stdout")).isEqualTo("alpha\n");
    Workspace.assertRefused(
        shell, argv("grep", "-e", "alph", "alph\\w"), FsErrorCodes.INVALID_PATH);
    Workspace.assertRefused(
        shell, argv("grep", "/etc/", "/etc/passwd"), ShellErrorCodes.PATH_OUTSIDE_ROOT);
  }

  @Test
  void aProgramThatMayWriteGetsTheWriteChecks() {
    Shell writer = new Shell(workspace.builder().allow(Workspace.plainPaths("touch")).build());
    Workspace.assertRefused(
        writer, argv("touch", ".git/hooks/pre-commit"), FsErrorCodes.PATH_DENIED);
    assertThat(writer.execute(argv("touch", "new.txt")).isSuccess()).isTrue();
    assertThat(workspace.root.resolve("new.txt")).exists();
  }
}
