package dev.xct.tools.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xct.tools.shell.ShellConfigurationException.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of {@link ShellTools.Builder#build()} names the setting to change and its subject,
 * so that a configuration file can point at the entry (xct-policy's located problems rely on it).
 */
class ShellConfigurationExceptionTest {
  @TempDir Path temp;
  Workspace workspace;

  @BeforeEach
  void setUp() {
    workspace = new Workspace(temp);
  }

  @Test
  void aProgramNotOnThePathIsRefusedAsThatProgram() {
    ShellConfigurationException refusal =
        refusal(
            workspace.builder().allow(Presets.ls(), Program.builder("nosuch").noOptions().build()));

    assertThat(refusal.setting()).isEqualTo(Setting.PROGRAM);
    assertThat(refusal.subject()).isEqualTo("nosuch");
    assertThat(refusal).hasMessageContaining("'nosuch' is not on the PATH");
  }

  @Test
  void aProgramWhoseFileIsAShellIsRefusedAsThatProgram() throws Exception {
    Files.createSymbolicLink(workspace.bin.resolve("lister"), Path.of("/usr/bin/dash"));

    ShellConfigurationException refusal =
        refusal(workspace.builder().allow(Program.builder("lister").noOptions().build()));

    assertThat(refusal.setting()).isEqualTo(Setting.PROGRAM);
    assertThat(refusal.subject()).isEqualTo("lister");
  }

  @Test
  void aProgramAllowedTwiceIsRefusedAsThatProgram() {
    ShellConfigurationException refusal =
        catchThrowableOfType(
            ShellConfigurationException.class,
            () -> workspace.builder().allow(Presets.ls(), Presets.ls()));

    assertThat(refusal.setting()).isEqualTo(Setting.PROGRAM);
    assertThat(refusal.subject()).isEqualTo("ls");
  }

  @Test
  void aPathEntryInsideARootIsRefusedAsThatRoot() throws Exception {
    Path inside = Files.createDirectories(workspace.root.resolve("bin"));

    ShellConfigurationException refusal =
        refusal(workspace.builder().searchPath(inside).allow(Presets.ls()));

    assertThat(refusal.setting()).isEqualTo(Setting.ROOT);
    assertThat(refusal.subject()).isEqualTo(workspace.root.toString());
    assertThat(refusal).hasMessageContaining("lies inside the root '" + workspace.root + "'");
  }

  @Test
  void aRootGitCannotBeConfinedToIsRefusedAsThatRoot() throws Exception {
    Path colon = Files.createDirectories(temp.resolve("a:b")).toRealPath();

    ShellConfigurationException refusal =
        refusal(
            ShellTools.builder()
                .root(colon)
                .searchPath(Path.of("/usr/bin"), Path.of("/bin"))
                .allow(Presets.git()));

    assertThat(refusal.setting()).isEqualTo(Setting.ROOT);
    assertThat(refusal.subject()).isEqualTo(colon.toString());
  }

  @Test
  void aMissingBubblewrapIsRefusedAsTheSandbox() {
    ShellConfigurationException refusal =
        refusal(
            workspace
                .builder()
                .allow(Presets.ls())
                .sandbox(Sandbox.bubblewrap(temp.resolve("no-bwrap"))));

    assertThat(refusal.setting()).isEqualTo(Setting.SANDBOX);
    assertThat(refusal.subject()).isEmpty();
  }

  @Test
  void aBubblewrapThatCannotStartIsRefusedAsTheSandbox() {
    workspace.script("broken-bwrap", "echo 'no namespaces here' >&2; exit 1");

    ShellConfigurationException refusal =
        refusal(
            workspace
                .builder()
                .allow(Presets.ls())
                .sandbox(Sandbox.bubblewrap(workspace.bin.resolve("broken-bwrap"))));

    assertThat(refusal.setting()).isEqualTo(Setting.SANDBOX);
    assertThat(refusal).hasMessageContaining("no namespaces here");
  }

  @Test
  void aDefaultTimeoutAboveTheMaximumIsRefusedAsALimit() {
    ShellConfigurationException refusal =
        refusal(
            workspace
                .builder()
                .allow(Presets.ls())
                .defaultTimeout(Duration.ofMinutes(5))
                .maxTimeout(Duration.ofMinutes(1)));

    assertThat(refusal.setting()).isEqualTo(Setting.LIMIT);
  }

  @Test
  void anInvalidToolNameIsRefusedAsTheToolName() {
    ShellConfigurationException refusal =
        refusal(workspace.builder().toolName("Shell Exec").allow(Presets.ls()));

    assertThat(refusal.setting()).isEqualTo(Setting.TOOL_NAME);
    assertThat(refusal.subject()).isEqualTo("Shell Exec");
  }

  private static ShellConfigurationException refusal(ShellTools.Builder builder) {
    ShellConfigurationException refusal =
        catchThrowableOfType(ShellConfigurationException.class, builder::build);
    assertThat(refusal).as("the build is refused").isNotNull();
    return refusal;
  }
}
