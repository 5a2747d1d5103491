package dev.xct.tools.shell;

import static dev.xct.tools.shell.Shell.argv;
import static dev.xct.tools.shell.Shell.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ways a hostile model made git run code or read outside the roots with the shipped policies,
 * each reproduced with real git, in the sandbox and unconfined: whichever layer stops it, nothing
 * runs and nothing outside is read.
 */
class GitContainmentTest {
  @TempDir Path temp;
  Workspace workspace;

  static Stream<Arguments> bothModes() {
    return Stream.of(Arguments.of("sandbox"), Arguments.of("unconfined"));
  }

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
  }

  private Shell shell(String mode) {
    ShellTools.Builder builder =
        mode.equals("sandbox") ? workspace.builder() : workspace.unconfined();
    return new Shell(builder.allow(Presets.git()).build());
  }

  /**
   * Builds, with plain files only (what fs.write and fs.mkdir can do), a directory git would take
   * for a bare repository whose partial-clone promisor remote runs {@code sh ../p.sh}, with the
   * per-protocol {@code protocol.file.allow} that beat the old preset's {@code protocol.allow}.
   */
  private Path bareRepositoryThatRunsAScript() {
    Path canary = workspace.outside.resolve("ran");
    workspace.file("src/p.sh", "#!/bin/sh\ntouch " + canary + "\ncat /proc/$PPID/environ\n");
    workspace.file("src/r/HEAD", "ref: refs/heads/main\n");
    workspace.file("src/r/refs/heads/main", "1111111111111111111111111111111111111111\n");
    workspace.file("src/r/objects/.keep", "");
    workspace.file(
        "src/r/config",
        "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tpartialClone = origin\n"
            + "[remote \"origin\"]\n\turl = .\n\tuploadpack = sh ../p.sh\n\tpromisor = true\n"
            + "[protocol \"file\"]\n\tallow = always\n");
    return canary;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void aBareRepositoryMadeOfPlainFilesRunsNoPromisorUploadPack(String mode) {
    Path canary = bareRepositoryThatRunsAScript();
    Result result = shell(mode).execute(with(argv("git", "log"), "cwd", "src/r"));
    assertThat(result.isSuccess()).isFalse();
    assertThat(canary).doesNotExist();
    assertThat(result.toString()).doesNotContain("hunter2");
  }

  @Test
  void theHardenedCommandAloneRefusesTheBareRepositoryAndEveryTransport() throws Exception {
    Path canary = bareRepositoryThatRunsAScript();
    // The repository check aside: git itself refuses to use the bare repository it found.
    Shell.Ran ran =
        Shell.runPreviewDirectly(
            shell("unconfined"), with(argv("git", "log"), "cwd", "src/r"), workspace.base);
    assertThat(ran.exitCode()).isNotZero();
    assertThat(ran.output()).contains("safe.bareRepository");
    assertThat(canary).doesNotExist();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void aWorkTreeMovedOutsideTheRootByConfigurationIsRefused(String mode) throws IOException {
    workspace.git("init", "-q", ".");
    Files.writeString(workspace.outside.resolve("listing-me.txt"), "secret\n");
    workspace.git("config", "core.worktree", workspace.outside.toString());
    for (List<String> argv :
        List.of(
            List.of("git", "status", "--porcelain", "--untracked-files=all"),
            List.of("git", "grep", "--untracked", "secret"))) {
      Result result = shell(mode).execute(argv(argv.toArray(String[]::new)));
      assertThat(Shell.code(result))
          .as("%s", argv)
          .isEqualTo(ShellErrorCodes.REPOSITORY_NOT_ALLOWED);
      assertThat(result.toString()).contains("core.worktree").doesNotContain("listing-me");
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void blamesDashSIsARevsFileAndIsConfined(String mode) {
    committedRepository();
    Path outside = workspace.outside.resolve("secret.txt");
    for (String[] argv :
        List.of(
            new String[] {"git", "blame", "-S", outside.toString(), "a.txt"},
            new String[] {"git", "blame", "-S" + outside, "a.txt"},
            new String[] {"git", "blame", "-S", "../outside/secret.txt", "a.txt"})) {
      Workspace.assertRefused(shell(mode), argv(argv), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void optionalValuesAreAttachedOnlySoTheNextArgumentIsAPath(String mode) {
    committedRepository();
    String outside = workspace.outside.resolve("secret.txt").toString();
    for (String[] argv :
        List.of(
            new String[] {"git", "diff", "-U", outside, "a.txt"},
            new String[] {"git", "diff", "--unified", outside, "a.txt"},
            new String[] {"git", "diff", "--stat", outside, "a.txt"},
            new String[] {"git", "diff", "-M", outside, "a.txt"})) {
      Workspace.assertRefused(shell(mode), argv(argv), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    }
    Result attached = shell(mode).execute(argv("git", "diff", "-U5", "--stat=80", "a.txt"));
    assertThat(attached.isSuccess()).as("%s", attached).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void pathsGitOpensFromTheTopOfTheWorkTreeAreCheckedFromThereToo(String mode) {
    committedRepository();
    // From cwd a/, ../outside/x is root/outside/x for the checks, but git opens it from the top
    // of the work tree, the root: that is the real outside directory.
    workspace.file("a/b.txt", "b\n");
    workspace.file("outside/x", "decoy inside the root\n");
    Shell shell = shell(mode);
    for (String[] argv :
        List.of(
            new String[] {"git", "blame", "--ignore-revs-file=../outside/secret.txt", "b.txt"},
            new String[] {"git", "blame", "--ignore-revs-file", "../outside/secret.txt", "b.txt"},
            new String[] {"git", "grep", "-f", "../outside/secret.txt"},
            new String[] {"git", "ls-files", "--exclude-from=../outside/secret.txt"},
            new String[] {"git", "ls-files", "--exclude-per-directory=../../outside/secret.txt"})) {
      Workspace.assertRefused(
          shell, with(argv(argv), "cwd", "a"), ShellErrorCodes.PATH_OUTSIDE_ROOT);
    }
    // git opens it from the top, so the top's a.txt is a.txt, whatever the working directory.
    Result inside = shell.execute(with(argv("git", "grep", "-f", "a.txt"), "cwd", "a"));
    assertThat(Shell.code(inside)).as("%s", inside).isIn("SUCCESS", ShellErrorCodes.COMMAND_FAILED);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void aSecondRootInsideAForeignRepositoryDoesNotReachThatRepository(String mode)
      throws IOException {
    Path foreign = Files.createDirectories(temp.resolve("foreign"));
    Path canary = workspace.outside.resolve("foreign-ran");
    git(foreign, "init", "-q", ".");
    Files.writeString(foreign.resolve("secret"), "foreign history\n");
    Files.createDirectories(foreign.resolve("sub"));
    Files.writeString(foreign.resolve("sub/readme"), "x\n");
    git(foreign, "add", ".");
    git(foreign, "commit", "-q", "-m", "secret");
    git(foreign, "config", "core.fsmonitor", "touch " + canary + "; false");
    PathConfinement roots =
        PathConfinement.builder()
            .root(workspace.root, RootAccess.READ_WRITE)
            .root(foreign.resolve("sub"), RootAccess.READ_WRITE)
            .build();
    ShellTools.Builder builder =
        mode.equals("sandbox") ? workspace.builder() : workspace.unconfined();
    Shell shell = new Shell(builder.confinement(roots).allow(Presets.git()).build());
    for (String[] argv :
        List.of(
            new String[] {"git", "show", "HEAD:secret"},
            new String[] {"git", "status"},
            new String[] {"git", "log", "--format=%s"})) {
      Result result = shell.execute(with(argv(argv), "cwd", foreign.resolve("sub").toString()));
      assertThat(Shell.code(result))
          .as("%s", (Object) argv)
          .isEqualTo(ShellErrorCodes.COMMAND_FAILED);
      assertThat(Shell.field(result, "stderr")).contains("not a git repository");
      assertThat(result.toString()).doesNotContain("foreign history");
    }
    assertThat(canary).doesNotExist();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void aGitFileThatPointsOutsideTheRootsIsRefused(String mode) throws IOException {
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    git(elsewhere, "init", "-q", ".");
    Files.writeString(elsewhere.resolve("secret"), "elsewhere history\n");
    git(elsewhere, "add", ".");
    git(elsewhere, "commit", "-q", "-m", "elsewhere");
    workspace.file(".git", "gitdir: " + elsewhere.resolve(".git") + "\n");
    Result result = shell(mode).execute(argv("git", "show", "HEAD:secret"));
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.toString()).doesNotContain("elsewhere history");
    if (mode.equals("unconfined")) {
      assertThat(Shell.code(result)).isEqualTo(ShellErrorCodes.REPOSITORY_NOT_ALLOWED);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bothModes")
  void anOrdinaryRepositoryStillWorks(String mode) {
    committedRepository();
    workspace.git("config", "user.name", "Someone");
    workspace.git("remote", "add", "origin", "https://example.com/r.git");
    Shell shell = shell(mode);
    Result log = shell.execute(argv("git", "log", "--format=%s"));
    assertThat(Shell.field(log, "stdout")).as("%s", log).isEqualTo("init\n");
    Result blame = shell.execute(argv("git", "blame", "-s", "a.txt"));
    assertThat(blame.isSuccess()).as("%s", blame).isTrue();
    Result grep = shell.execute(argv("git", "grep", "-n", "alpha"));
    assertThat(Shell.field(grep, "stdout")).isEqualTo("a.txt:1:alpha\n");
  }

  private void committedRepository() {
    workspace.file("a.txt", "alpha\n");
    workspace.git("init", "-q", ".").git("add", ".").git("commit", "-q", "-m", "init");
  }

  private static void git(Path directory, String... arguments) {
    Workspace.git(directory, arguments);
  }
}
