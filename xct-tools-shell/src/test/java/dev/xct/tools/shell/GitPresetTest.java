package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile repository configures every program-running key git reads during read-only commands.
 * Two layers stop it, each tested on its own: the tool inspects the repository and refuses it
 * before git runs; and the hardened command line alone (run here directly, unconfined, as the
 * preview describes it) runs none of those programs either. Each configured program would leave a
 * marker file outside the root.
 */
class GitPresetTest {
  @TempDir static Path shared;
  static Workspace hostile;
  static Shell shell;

  @TempDir Path temp;

  @BeforeAll
  static void setUp() throws IOException {
    // Shared by the table: the commands only read.
    hostile = hostileRepository(shared);
    shell = hostile.unconfinedShell();
  }

  /** Returns a workspace whose repository configures every program-running key it can. */
  static Workspace hostileRepository(Path base) throws IOException {
    Workspace workspace = new Workspace(base);
    workspace.file("a.txt", "hello\n");
    workspace.file(".gitattributes", "*.txt diff=evil\n");
    workspace.git("init", "-q", ".").git("add", ".").git("commit", "-q", "-m", "init");
    Path hooks = Files.createDirectories(workspace.outside.resolve("hooks"));
    for (String hook : List.of("post-index-change", "reference-transaction", "post-checkout")) {
      Path script = hooks.resolve(hook);
      Files.writeString(script, "#!/bin/sh\ntouch " + marker(workspace, "hook-" + hook) + "\n");
      script.toFile().setExecutable(true);
    }
    configure(workspace, "core.fsmonitor", "touch " + marker(workspace, "fsmonitor") + "; false");
    configure(workspace, "core.pager", "touch " + marker(workspace, "pager") + "; cat");
    configure(workspace, "core.hooksPath", hooks.toString());
    configure(workspace, "diff.external", "touch " + marker(workspace, "external-diff"));
    configure(workspace, "diff.evil.command", "touch " + marker(workspace, "diff-driver"));
    configure(
        workspace,
        "diff.evil.textconv",
        "sh -c 'touch " + marker(workspace, "textconv") + "; cat \"$0\"'");
    configure(workspace, "gpg.program", "touch " + marker(workspace, "gpg"));
    configure(workspace, "log.showSignature", "true");
    configure(workspace, "core.sshCommand", "touch " + marker(workspace, "ssh"));
    configure(workspace, "alias.st", "!touch " + marker(workspace, "alias"));
    workspace.file("a.txt", "hello\nchanged\n");
    return workspace;
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
  void theHardenedCommandAloneRunsNoProgramFromTheRepository(String line) throws Exception {
    Shell.Ran ran = Shell.runPreviewDirectly(shell, argv(("git " + line).split(" ")), hostile.base);
    assertThat(ran.exitCode()).as("%s: %s", line, ran.output()).isZero();
    try (Stream<Path> files = Files.list(hostile.outside)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .as("markers left by git %s", line)
          .noneMatch(name -> name.startsWith("marker."));
    }
  }

  @ParameterizedTest(name = "[{index}] git {0}")
  @ValueSource(strings = {"status", "log -p", "diff", "blame a.txt", "grep hello"})
  void theToolRefusesTheRepositoryBeforeGitRuns(String line) throws IOException {
    Result result = shell.execute(argv(("git " + line).split(" ")));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.REPOSITORY_NOT_ALLOWED);
    assertThat(((Result.Failure) result).message())
        .contains("core.fsmonitor", "core.pager", "diff.external", "alias.st");
    try (Stream<Path> files = Files.list(hostile.outside)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .noneMatch(name -> name.startsWith("marker."));
    }
  }

  @Test
  void discoveryStopsAtTheRootInsteadOfFindingAParentRepository() throws IOException {
    Workspace workspace = hostileRepository(temp);
    Workspace nested = new Workspace(Files.createDirectories(temp.resolve("nested")));
    Files.move(workspace.root.resolve(".git"), nested.base.resolve(".git"));
    Shell inner = new Shell(nested.unconfined().allow(Presets.git()).build());
    Result result = inner.execute(argv("git", "log"));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.COMMAND_FAILED);
    assertThat(Shell.field(result, "stderr")).contains("not a git repository");
  }

  @Test
  void aCleanFilterTheCommandLineCannotSwitchOffIsRefusedByTheRepositoryCheck() throws Exception {
    // Filter drivers are named by .gitattributes and defined in the repository's configuration;
    // git runs them when it reads the work tree, and no command-line setting can switch off a
    // driver whose name it does not know. The hardened command alone runs it; the check refuses.
    Workspace workspace = new Workspace(temp);
    workspace.file("a.txt", "hello\n");
    workspace.git("init", "-q", ".").git("add", ".").git("commit", "-q", "-m", "init");
    workspace.file(".gitattributes", "*.txt filter=evil\n");
    configure(
        workspace, "filter.evil.clean", "sh -c 'touch " + marker(workspace, "clean") + "; cat'");
    workspace.file("a.txt", "hello\nchanged\n");
    Shell unconfined = workspace.unconfinedShell();
    Result result = unconfined.execute(argv("git", "diff"));
    assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.REPOSITORY_NOT_ALLOWED);
    assertThat(((Result.Failure) result).message()).contains("filter.evil.clean");
    assertThat(Path.of(marker(workspace, "clean"))).doesNotExist();
  }

  private static void configure(Workspace workspace, String key, String value) {
    workspace.git("config", key, value);
  }

  private static String marker(Workspace workspace, String name) {
    return workspace.outside.resolve("marker." + name).toString();
  }
}
