package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile repository configures every program-running key git reads during read-only commands;
 * the git preset must run none of them. Each configured program would leave a marker file outside
 * the root.
 */
class GitPresetTest {
  @TempDir Path temp;
  Workspace workspace;
  Shell shell;

  @BeforeEach
  void setUp() throws IOException {
    workspace = new Workspace(temp);
    workspace.file("a.txt", "hello\n");
    workspace.file(".gitattributes", "*.txt diff=evil\n");
    workspace.git("init", "-q", ".").git("add", ".").git("commit", "-q", "-m", "init");
    Path hooks = Files.createDirectories(workspace.outside.resolve("hooks"));
    for (String hook : List.of("post-index-change", "reference-transaction", "post-checkout")) {
      Path script = hooks.resolve(hook);
      Files.writeString(script, "#!/bin/sh\ntouch " + marker("hook-" + hook) + "\n");
      script.toFile().setExecutable(true);
    }
    hostile("core.fsmonitor", "touch " + marker("fsmonitor") + "; false");
    hostile("core.pager", "touch " + marker("pager") + "; cat");
    hostile("core.hooksPath", hooks.toString());
    hostile("diff.external", "touch " + marker("external-diff"));
    hostile("diff.evil.command", "touch " + marker("diff-driver"));
    hostile("diff.evil.textconv", "sh -c 'touch " + marker("textconv") + "; cat \"$0\"'");
    hostile("gpg.program", "touch " + marker("gpg"));
    hostile("log.showSignature", "true");
    hostile("core.sshCommand", "touch " + marker("ssh"));
    hostile("alias.st", "!touch " + marker("alias"));
    workspace.file("a.txt", "hello\nchanged\n");
    shell = workspace.shell();
  }

  @ParameterizedTest(name = "[{index}] git {0}")
  @ValueSource(
      strings = {
        "status",
        "status -v",
        "log",
        "log -p",
        "log --format=%G?%GS",
        "show",
        "show HEAD:a.txt",
        "diff",
        "diff --cached",
        "diff HEAD",
        "blame HEAD -- a.txt",
        "grep hello",
        "ls-files -m",
        "describe --always --dirty",
        "shortlog -s HEAD",
        "rev-parse HEAD",
        "rev-list --all",
        "cat-file -p HEAD:a.txt",
        "ls-tree HEAD"
      })
  void readOnlySubcommandsRunNoProgramFromTheRepository(String line) throws IOException {
    Result result = shell.execute(argv(("git " + line).split(" ")));
    assertThat(result.isSuccess()).as("%s: %s", line, result).isTrue();
    try (Stream<Path> files = Files.list(workspace.outside)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .as("markers left by git %s", line)
          .noneMatch(name -> name.startsWith("marker."));
    }
  }

  @Test
  void discoveryStopsAtTheRootInsteadOfFindingAParentRepository() throws IOException {
    Workspace nested = new Workspace(Files.createDirectories(temp.resolve("nested")));
    Files.move(workspace.root.resolve(".git"), nested.base.resolve(".git"));
    Shell inner = new Shell(nested.builder().allow(Presets.git()).build());
    Result result = inner.execute(argv("git", "log"));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
    assertThat(Shell.field(result, "stderr")).contains("not a git repository");
  }

  @Test
  void theRepositorysOwnCleanFilterStillRunsSoItsGitDirectoryMustBeTrusted() throws IOException {
    // Documented limitation: filter drivers are named by .gitattributes and defined in the
    // repository's configuration; git runs them when it reads the work tree, and no command-line
    // setting can switch off a driver whose name it does not know.
    workspace.file(".gitattributes", "*.txt filter=evil\n");
    hostile("filter.evil.clean", "sh -c 'touch " + marker("clean") + "; cat'");
    Result result = shell.execute(argv("git", "diff"));
    assertThat(result.isSuccess()).isTrue();
    assertThat(Path.of(marker("clean"))).exists();
  }

  private void hostile(String key, String value) {
    workspace.git("config", key, value);
  }

  private String marker(String name) {
    return workspace.outside.resolve("marker." + name).toString();
  }
}
