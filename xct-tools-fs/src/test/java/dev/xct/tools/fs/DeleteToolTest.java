package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteToolTest {
  @TempDir Path temp;
  private Path root;
  private Path outside;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), Sandbox.SECRET);
    Files.writeString(root.resolve("a.txt"), "a");
    Files.createDirectory(root.resolve("empty"));
    Files.createDirectories(root.resolve("tree/x/y"));
    Files.writeString(root.resolve("tree/x/y/z.txt"), "z");
    Files.writeString(root.resolve("tree/t.txt"), "t");
    Files.createSymbolicLink(root.resolve("tree/x/escape"), outside);
    Files.createSymbolicLink(root.resolve("to-outside"), outside.resolve("keep.txt"));
    Files.createSymbolicLink(root.resolve("to-a"), Path.of("a.txt"));
    fs =
        new FsHarness(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .maxEntries(10)
                .build());
  }

  @Test
  void deletesAFile() {
    JsonValue result = ok(fs.run("fs.delete", "{'path':'a.txt'}"));

    assertThat(root.resolve("a.txt")).doesNotExist();
    assertThat(result.get("type").flatMap(JsonValue::asString)).contains("file");
  }

  @Test
  void deletingALinkRemovesTheLinkNeverItsTarget() throws IOException {
    ok(fs.run("fs.delete", "{'path':'to-a'}"));
    ok(fs.run("fs.delete", "{'path':'to-outside'}"));

    assertThat(root.resolve("to-a")).doesNotExist();
    assertThat(root.resolve("a.txt")).hasContent("a");
    assertThat(Files.exists(root.resolve("to-outside"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .isFalse();
    assertThat(outside.resolve("keep.txt")).hasContent(Sandbox.SECRET);
  }

  @Test
  void emptyDirectoryGoesWithoutRecursiveButAFullOneDoesNot() {
    ok(fs.run("fs.delete", "{'path':'empty'}"));

    assertThat(root.resolve("empty")).doesNotExist();
    assertThat(code(fs.run("fs.delete", "{'path':'tree'}")))
        .isEqualTo(FsErrorCodes.DIRECTORY_NOT_EMPTY);
    assertThat(root.resolve("tree/t.txt")).exists();
  }

  @Test
  void recursiveDeleteRemovesTheTreeButNeverFollowsALinkOut() throws IOException {
    JsonValue result = ok(fs.run("fs.delete", "{'path':'tree','recursive':true}"));

    assertThat(root.resolve("tree")).doesNotExist();
    assertThat(result.get("deleted").orElseThrow().toJson()).isEqualTo("6");
    assertThat(outside.resolve("keep.txt")).hasContent(Sandbox.SECRET);
    try (var list = Files.list(outside)) {
      assertThat(list).hasSize(1);
    }
  }

  @Test
  void treeOverTheEntryLimitIsRefusedBeforeAnythingIsDeleted() throws IOException {
    for (int i = 0; i < 10; i++) {
      Files.writeString(root.resolve("tree/f" + i), "");
    }

    assertThat(code(fs.run("fs.delete", "{'path':'tree','recursive':true}")))
        .isEqualTo(FsErrorCodes.TOO_LARGE);
    assertThat(root.resolve("tree/x/y/z.txt")).exists();
    assertThat(root.resolve("tree/f9")).exists();
  }

  @Test
  void treeHoldingAWriteDeniedPathIsRefusedWhole() throws IOException {
    Files.createDirectories(root.resolve("tree/.git"));

    assertThat(code(fs.run("fs.delete", "{'path':'tree','recursive':true}")))
        .isEqualTo(FsErrorCodes.PATH_DENIED);
    assertThat(root.resolve("tree/t.txt")).exists();
  }

  @Test
  void missingPathIsNotFound() {
    assertThat(code(fs.run("fs.delete", "{'path':'nope'}"))).isEqualTo(FsErrorCodes.NOT_FOUND);
  }

  @Test
  void previewCountsWhatARecursiveDeleteWouldRemove() {
    JsonValue preview =
        fs.preview("fs.delete", "{\"path\":\"tree\",\"recursive\":true}").orElseThrow();

    assertThat(preview.get("entries").orElseThrow().toJson()).isEqualTo("5");
    assertThat(preview.get("type").flatMap(JsonValue::asString)).contains("directory");
    assertThat(root.resolve("tree")).exists();
  }
}
