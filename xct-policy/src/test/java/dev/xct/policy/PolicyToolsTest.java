package dev.xct.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.tool.Tool;
import dev.xct.core.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tools and validators a policy file yields, and a root that is not there. */
class PolicyToolsTest {
  @TempDir Path dir;
  Path workspace;

  @BeforeEach
  void layOut() throws IOException {
    workspace = Files.createDirectory(dir.resolve("workspace"));
  }

  private static PolicyFile policy(String body) {
    return PolicyFile.parse("version: 1\nrules: []\n" + body, "p.yaml", false);
  }

  private static List<String> names(PolicyTools tools) {
    return tools.toolkit().tools().stream().map(Tool::spec).map(spec -> spec.name()).toList();
  }

  @Test
  void withoutRootsThereAreNoTools() {
    PolicyTools tools = PolicyTools.of(policy("tools: [\"fs.*\", \"shell.exec\"]\n"), workspace);

    assertThat(tools.toolkit().tools()).isEmpty();
    assertThat(tools.toolkit().validators()).isEmpty();
  }

  @Test
  void onlyTheToolsTheFileOffersAreReturnedWithTheFileToolsValidator() {
    PolicyTools tools =
        PolicyTools.of(policy("roots: [{path: .}]\ntools: [fs.read, fs.list]\n"), workspace);

    assertThat(names(tools)).containsExactlyInAnyOrder("fs.read", "fs.list");
    assertThat(tools.toolkit().validators())
        .extracting(Validator::name)
        .containsExactly("fs-confinement");
  }

  @Test
  void theShellToolComesWithProgramsAndItsValidatorRunsAfterTheFileTools() {
    PolicyTools tools =
        PolicyTools.of(
            policy(
                "roots: [{path: .}]\ntools: [\"fs.*\", shell.exec]\n"
                    + "shell:\n  programs: [{preset: ls}]\n"),
            workspace);
    PolicyTools withoutPrograms =
        PolicyTools.of(
            policy("roots: [{path: .}]\ntools: [\"fs.*\", shell.exec]\nshell: {}\n"), workspace);

    assertThat(names(tools)).contains("fs.read", "shell.exec");
    assertThat(tools.toolkit().validators())
        .extracting(Validator::name)
        .containsExactly("fs-confinement", "shell-allowlist");
    assertThat(names(withoutPrograms)).contains("fs.read").doesNotContain("shell.exec");
  }

  @Test
  void aRootThatIsNotADirectoryIsAMissingRootNamingItAndWhereItResolved() {
    PolicyFile file = policy("roots: [{path: ., access: read-write}, {path: gone}]\ntools: []\n");

    assertThatThrownBy(() -> PolicyTools.of(file, workspace))
        .isInstanceOfSatisfying(
            MissingRootException.class,
            e -> {
              assertThat(e.root()).isEqualTo(new Root("gone", Root.Access.READ_ONLY));
              assertThat(e.directory()).isEqualTo(workspace.resolve("gone"));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "root gone ("
                          + workspace.resolve("gone")
                          + ") does not exist or is not a directory");
            });
  }
}
