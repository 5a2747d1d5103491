package dev.xct.tools.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional command string is split on spaces and refused if it holds any metacharacter. */
class CommandStringTest {
  @TempDir Path temp;
  Workspace workspace;
  Shell shell;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
    workspace.file("canary.txt", "alive\n");
    shell = new Shell(workspace.builder().allow(Presets.all()).commandString(true).build());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "ls; rm -f canary.txt",
        "ls | cat",
        "ls && rm -f canary.txt",
        "ls || rm -f canary.txt",
        "ls & rm -f canary.txt",
        "ls > canary.txt",
        "cat < canary.txt",
        "ls $(rm -f canary.txt)",
        "ls `rm -f canary.txt`",
        "ls $HOME",
        "ls ${HOME}",
        "ls *",
        "ls canary.tx?",
        "ls [c]anary.txt",
        "ls {a,b}",
        "ls ~",
        "ls # comment",
        "ls !$",
        "ls 'canary.txt'",
        "ls \"canary.txt\"",
        "ls canary\\ txt",
        "ls\nrm -f canary.txt",
        "ls\rrm -f canary.txt",
        "ls\u00a0-la",
        "ls ^ cat",
        "(ls)",
        "ls\u0000"
      })
  void commandStringsWithShellSyntaxAreRefusedNotInterpreted(String command) {
    Workspace.assertRefused(
        shell, Map.of("command", command), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    assertThat(workspace.root.resolve("canary.txt")).exists();
  }

  @Test
  void wordsAreSplitOnSpacesAndTabsOnly() {
    Result result = shell.execute(Map.of("command", "  cat \t canary.txt  "));
    assertThat(Shell.field(result, "stdout")).isEqualTo("alive\n");
  }

  @Test
  void theSplitArgvIsCheckedLikeAnyOther() {
    Workspace.assertRefused(
        shell, Map.of("command", "find . -delete"), ShellErrorCodes.ARGUMENT_NOT_ALLOWED);
    Workspace.assertRefused(
        shell, Map.of("command", "cat /etc/passwd"), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    Workspace.assertRefused(
        shell, Map.of("command", "rm canary.txt"), ShellErrorCodes.COMMAND_NOT_ALLOWED);
  }

  @Test
  void anEmptyCommandOrBothFormsAreInvalid() {
    Workspace.assertRefused(shell, Map.of("command", "   "), ErrorCodes.INVALID_ARGUMENTS);
    Workspace.assertRefused(
        shell,
        Map.of("command", "ls", "argv", java.util.List.of("ls")),
        ErrorCodes.INVALID_ARGUMENTS);
  }

  @Test
  void theCommandStringIsOffByDefault() {
    Shell plain = workspace.shell();
    Workspace.assertRefused(plain, Map.of("command", "ls"), ErrorCodes.INVALID_ARGUMENTS);
    assertThat(plain.tools.spec().inputSchema().toJson()).doesNotContain("\"command\"");
    assertThat(shell.tools.spec().inputSchema().toJson()).contains("\"command\"", "oneOf");
  }
}
