package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The program is named by a bare, allowlisted name; everything else is refused up front. */
class ProgramNameTest {
  @TempDir Path temp;
  Workspace workspace;
  Shell shell;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
    workspace.file("canary.txt", "alive\n");
    shell = workspace.shell();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(
      strings = {
        "/bin/ls",
        "/usr/bin/ls",
        "./ls",
        "../ls",
        "bin/ls",
        "~/bin/ls",
        "ls ",
        " ls",
        "ls\t",
        "ls\n",
        "ls\u0000",
        "LS",
        "Ls",
        "\uff4c\uff53",
        "l\u0455",
        "ls\u200b",
        "ls;rm -f canary.txt",
        "ls|cat",
        "ls&&rm -f canary.txt",
        "$(rm -f canary.txt)",
        "`rm -f canary.txt`",
        "ls -la",
        "",
        "rm",
        "sh",
        "bash",
        "python3",
        "LD_PRELOAD=/tmp/x.so",
        "PATH=/tmp"
      })
  void programsThatAreNotBareAllowlistedNamesAreRefused(String program) {
    Result.Failure failure =
        Workspace.assertRefused(shell, argv(program, "."), ShellErrorCodes.COMMAND_NOT_ALLOWED);
    assertThat(failure.details().get("index").orElseThrow().toJson()).isEqualTo("0");
    assertThat(workspace.root.resolve("canary.txt")).exists();
  }

  @Test
  void shellMetacharactersInArgumentsReachTheProgramVerbatim() {
    Result result = shell.execute(argv("ls", "canary.txt;rm -f canary.txt", "$(id)", "*"));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
    assertThat(Shell.field(result, "stderr"))
        .contains("'canary.txt;rm -f canary.txt'", "'$(id)'", "'*'");
    assertThat(workspace.root.resolve("canary.txt")).exists();
  }

  @Test
  void aProgramPlantedInTheRootDoesNotShadowTheResolvedOne() throws Exception {
    workspace.file("ls", "#!/bin/sh\ntouch pwned\n").toFile().setExecutable(true);
    Result result = shell.execute(argv("ls"));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Shell.field(result, "stdout")).contains("canary.txt", "ls");
    assertThat(Files.exists(workspace.root.resolve("pwned"))).isFalse();
  }
}
