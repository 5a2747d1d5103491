package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListToolTest {
  @TempDir Path temp;
  private Path root;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    Path outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), Sandbox.SECRET);
    Files.createDirectories(root.resolve("src/main/deep"));
    Files.writeString(root.resolve("src/main/App.java"), "class App {}");
    Files.writeString(root.resolve("src/main/deep/Deep.java"), "class Deep {}");
    Files.writeString(root.resolve("README.md"), "# readme\n");
    Files.writeString(root.resolve(".env"), "API_KEY=1");
    Files.createDirectory(root.resolve(".git"));
    Files.createSymbolicLink(root.resolve("out"), outside);
    fs = new FsHarness(FsTools.forRoot(root));
  }

  private static List<String> paths(JsonValue result, String member) {
    return result
        .get(member)
        .orElseThrow()
        .toNode()
        .valueStream()
        .map(e -> e.get("path").asString() + ":" + e.get("type").asString())
        .toList();
  }

  @Test
  void listsOneLevelInNameOrderWithTypesLeavingDeniedEntriesOut() {
    JsonValue result = ok(fs.run("fs.list", "{}"));

    assertThat(paths(result, "entries"))
        .containsExactly(".git:directory", "README.md:file", "out:symlink", "src:directory");
    assertThat(result.get("truncated").orElseThrow().toJson()).isEqualTo("false");
    assertThat(result.toJson()).doesNotContain(Sandbox.SECRET).doesNotContain("secret.txt");
  }

  @Test
  void recursiveListingHonoursDepthAndNeverEntersLinks() {
    JsonValue two = ok(fs.run("fs.list", "{'path':'src','recursive':true,'maxDepth':2}"));
    JsonValue all = ok(fs.run("fs.list", "{'recursive':true}"));

    assertThat(paths(two, "entries"))
        .containsExactly("src/main:directory", "src/main/App.java:file", "src/main/deep:directory");
    assertThat(paths(all, "entries")).contains("src/main/deep/Deep.java:file");
    assertThat(all.toJson()).doesNotContain("secret.txt");
  }

  @Test
  void entryLimitTruncates() {
    JsonValue result = ok(fs.run("fs.list", "{'recursive':true,'maxEntries':2}"));

    assertThat(paths(result, "entries")).hasSize(2);
    assertThat(result.get("truncated").orElseThrow().toJson()).isEqualTo("true");
  }

  @Test
  void entriesCarrySizeAndModificationTime() {
    JsonValue result = ok(fs.run("fs.list", "{'path':'src/main'}"));

    assertThat(result.at("/entries/0/size").orElseThrow().toJson()).isEqualTo("12");
    assertThat(result.at("/entries/0/modified").flatMap(JsonValue::asString).orElseThrow())
        .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void fileIsNotADirectoryAndMissingIsNotFound() {
    assertThat(code(fs.run("fs.list", "{'path':'README.md'}")))
        .isEqualTo(FsErrorCodes.NOT_A_DIRECTORY);
    assertThat(code(fs.run("fs.list", "{'path':'nope'}"))).isEqualTo(FsErrorCodes.NOT_FOUND);
    assertThat(code(fs.run("fs.list", "{'maxEntries':0}"))).isEqualTo("INVALID_ARGUMENTS");
  }
}
