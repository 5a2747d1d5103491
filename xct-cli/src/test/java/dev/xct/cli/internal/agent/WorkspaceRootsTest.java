package dev.xct.cli.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.cli.policy.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceRootsTest {
  @TempDir Path dir;
  Path workspace;
  WorkspaceRoots roots;

  @BeforeEach
  void layOut() throws IOException {
    workspace = Files.createDirectories(dir.resolve("ws"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createDirectories(workspace.resolve("src"));
    Files.createSymbolicLink(workspace.resolve("out-link"), outside);
    Files.createSymbolicLink(workspace.resolve("in-link"), workspace.resolve("src"));
    Files.createSymbolicLink(workspace.resolve("dangling"), dir.resolve("nowhere"));
    roots = WorkspaceRoots.of(List.of(new Root(".", Root.Access.READ_WRITE)), workspace);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../outside/x",
        "src/../../outside/x",
        "/etc/passwd",
        "out-link/x",
        "out-link",
        "a\u0000b",
        "./../ws2/x",
      })
  void pathsLeavingTheRootAreRefused(String path) {
    assertThat(roots.resolve(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "a.txt", "src/Main.java", "src/../a.txt", "in-link/x", "new/dir/f"})
  void pathsInsideTheRootResolveUnderIt(String path) {
    assertThat(roots.resolve(path))
        .hasValueSatisfying(target -> assertThat(target.file().startsWith(workspace)).isTrue());
  }

  @Test
  void absolutePathsInsideTheRootAreAccepted() {
    assertThat(roots.resolve(workspace.resolve("src/x").toString())).isPresent();
  }

  @Test
  void noRootsMeansNothingResolves() {
    WorkspaceRoots none = WorkspaceRoots.of(List.of(), workspace);

    assertThat(none.resolve("a.txt")).isEmpty();
  }

  @Test
  void resultsNameFilesRelativeToTheirRoot() {
    assertThat(roots.resolve("src/../a.txt").map(roots::relative)).contains("a.txt");
    assertThat(roots.resolve(".").map(roots::relative)).contains(".");
  }
}
