package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xct.tools.shell.ShellConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the tools a policy file describes can be refused on this machine, which ends {@code xct
 * run} and {@code xct replay} at start-up and fails {@code xct policy check}, is reported as one
 * problem at the line, column and field to change, caused by the tools' own exception.
 */
class CheckedPolicyToolsTest {
  @TempDir Path dir;
  Path workspace;

  @BeforeEach
  void layOut() throws IOException {
    workspace = Files.createDirectory(dir.resolve("workspace"));
  }

  /** Builds the tools of {@code text} and returns the one problem the refusal is reported as. */
  private PolicyFileException refusal(String text, List<Path> searchPath) {
    CheckedPolicy checked = CheckedPolicy.parse(text, "p.yaml", false);
    PolicyFileException refusal =
        catchThrowableOfType(PolicyFileException.class, () -> checked.tools(workspace, searchPath));
    assertThat(refusal).as("the tools are refused").isNotNull();
    assertThat(refusal.file()).isEqualTo("p.yaml");
    assertThat(refusal.problems()).hasSize(1);
    return refusal;
  }

  private static String shellWith(String programs) {
    return """
        version: 1
        roots: [{path: .}]
        tools: ["shell.exec"]
        rules: []
        shell:
          programs:
        %s"""
        .formatted(programs);
  }

  @Test
  void aMissingRootIsReportedAtItsPathAndCausedByAMissingRootException() {
    PolicyFileException refusal =
        refusal(
            "version: 1\nroots:\n  - path: .\n  - path: gone\ntools: []\nrules: []\n", List.of());

    assertThat(refusal.problems().get(0))
        .isEqualTo(
            new PolicyProblem(
                4,
                5,
                "roots[1].path",
                "root gone ("
                    + workspace.resolve("gone")
                    + ") does not exist or is not a directory"));
    assertThat(refusal.getCause()).isInstanceOf(MissingRootException.class);
  }

  @Test
  void aProgramNotOnThePathIsReportedAtItsEntry() {
    PolicyFileException refusal =
        refusal(
            shellWith("    - preset: ls\n    - {name: no-such-program, no_options: true}\n"),
            List.of());

    assertThat(refusal.problems().get(0).line()).isEqualTo(8);
    assertThat(refusal.problems().get(0).field()).isEqualTo("shell.programs[1]");
    assertThat(refusal.problems().get(0).message())
        .startsWith("program 'no-such-program' is not on the PATH");
    assertThat(refusal.getCause()).isInstanceOf(ShellConfigurationException.class);
  }

  @Test
  void aProgramWhoseFileTurnsOutToBeAShellIsReportedAtItsEntry() throws IOException {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("lister"), Path.of("/usr/bin/dash"));

    PolicyFileException refusal =
        refusal(shellWith("    - {name: lister, no_options: true}\n"), List.of(bin));

    assertThat(refusal.problems().get(0).line()).isEqualTo(7);
    assertThat(refusal.problems().get(0).field()).isEqualTo("shell.programs[0]");
    assertThat(refusal.problems().get(0).message()).contains("'lister'", "cannot be allowed");
  }

  @Test
  void aRootHoldingTheProgramsPathIsReportedAtThatRoot() {
    PolicyFileException refusal =
        refusal(
            "version: 1\nroots:\n  - path: .\n  - path: /\ntools: []\nrules: []\n"
                + "shell:\n  programs: [{preset: ls}]\n",
            List.of());

    assertThat(refusal.problems().get(0).line()).isEqualTo(4);
    assertThat(refusal.problems().get(0).field()).isEqualTo("roots[1].path");
    assertThat(refusal.problems().get(0).message()).contains("lies inside the root '/'");
  }

  @Test
  void aRootGitCannotBeConfinedToIsReportedAtThatRoot() throws IOException {
    Files.createDirectory(workspace.resolve("a:b"));

    PolicyFileException refusal =
        refusal(
            "version: 1\nroots:\n  - path: .\n  - path: \"a:b\"\ntools: []\nrules: []\n"
                + "shell:\n  programs: [{preset: git}]\n",
            List.of());

    assertThat(refusal.problems().get(0).field()).isEqualTo("roots[1].path");
    assertThat(refusal.problems().get(0).message()).contains("GIT_CEILING_DIRECTORIES");
  }

  @Test
  void aSandboxThatCannotStartIsReportedAtShellSandbox() throws IOException {
    // bwrap is looked up on the same PATH as the programs; this one has ls and no bwrap.
    Path bin = Files.createDirectory(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("ls"), Path.of("/usr/bin/ls"));

    PolicyFileException refusal = refusal(shellWith("    - preset: ls\n"), List.of(bin));

    assertThat(refusal.problems().get(0).field()).isEqualTo("shell.sandbox");
    assertThat(refusal.problems().get(0).line()).as("the shell section's line").isEqualTo(5);
    assertThat(refusal.problems().get(0).message()).contains("needs bwrap on the PATH");
  }

  @Test
  void toolsThatCanBeBuiltAreTheOnesPolicyToolsBuilds() {
    CheckedPolicy checked = CheckedPolicy.parse(shellWith("    - preset: ls\n"), "p.yaml", false);

    assertThat(checked.tools(workspace).toolkit().tools())
        .extracting(tool -> tool.spec().name())
        .containsExactlyElementsOf(
            PolicyTools.of(checked.policy(), workspace).toolkit().tools().stream()
                .map(tool -> tool.spec().name())
                .toList());
  }
}
