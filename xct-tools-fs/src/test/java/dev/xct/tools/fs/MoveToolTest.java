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

class MoveToolTest {
  @TempDir Path root;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(root.resolve("a.txt"), "a");
    Files.writeString(root.resolve("b.txt"), "b");
    Files.createDirectories(root.resolve("dir/sub"));
    Files.writeString(root.resolve("dir/sub/c.txt"), "c");
    Files.createDirectory(root.resolve("other"));
    fs = new FsHarness(FsTools.forRoot(root));
  }

  @Test
  void renamesAFile() {
    JsonValue result = ok(fs.run("fs.move", "{'source':'a.txt','destination':'other/a2.txt'}"));

    assertThat(root.resolve("a.txt")).doesNotExist();
    assertThat(root.resolve("other/a2.txt")).hasContent("a");
    assertThat(result.get("replaced").orElseThrow().toJson()).isEqualTo("false");
  }

  @Test
  void replacesAFileOnlyWhenAsked() {
    assertThat(code(fs.run("fs.move", "{'source':'a.txt','destination':'b.txt'}")))
        .isEqualTo(FsErrorCodes.ALREADY_EXISTS);

    JsonValue result =
        ok(fs.run("fs.move", "{'source':'a.txt','destination':'b.txt','overwrite':true}"));

    assertThat(root.resolve("b.txt")).hasContent("a");
    assertThat(result.get("replaced").orElseThrow().toJson()).isEqualTo("true");
  }

  @Test
  void neverReplacesADirectory() {
    assertThat(code(fs.run("fs.move", "{'source':'a.txt','destination':'other','overwrite':true}")))
        .isEqualTo(FsErrorCodes.ALREADY_EXISTS);
    assertThat(code(fs.run("fs.move", "{'source':'dir','destination':'b.txt','overwrite':true}")))
        .isEqualTo(FsErrorCodes.ALREADY_EXISTS);
  }

  @Test
  void movesADirectoryWithItsContents() {
    ok(fs.run("fs.move", "{'source':'dir','destination':'other/dir'}"));

    assertThat(root.resolve("other/dir/sub/c.txt")).hasContent("c");
    assertThat(root.resolve("dir")).doesNotExist();
  }

  @Test
  void directoryHoldingALinkIsNotMovedBecauseTheLinkWouldChangeMeaning() throws IOException {
    Files.createSymbolicLink(root.resolve("dir/sub/up"), Path.of("../../a.txt"));

    assertThat(code(fs.run("fs.move", "{'source':'dir','destination':'other/deeper/dir'}")))
        .isIn(FsErrorCodes.SYMLINK_NOT_ALLOWED, FsErrorCodes.NOT_FOUND);
    assertThat(code(fs.run("fs.move", "{'source':'dir','destination':'other/dir'}")))
        .isEqualTo(FsErrorCodes.SYMLINK_NOT_ALLOWED);
    assertThat(root.resolve("dir/sub/c.txt")).exists();
  }

  @Test
  void directoryCannotMoveIntoItself() {
    assertThat(code(fs.run("fs.move", "{'source':'dir','destination':'dir/sub/dir'}")))
        .isEqualTo(FsErrorCodes.INVALID_PATH);
  }

  @Test
  void missingSourceOrDestinationParentIsNotFound() {
    assertThat(code(fs.run("fs.move", "{'source':'nope','destination':'x'}")))
        .isEqualTo(FsErrorCodes.NOT_FOUND);
    assertThat(code(fs.run("fs.move", "{'source':'a.txt','destination':'no/such/x'}")))
        .isEqualTo(FsErrorCodes.NOT_FOUND);
    assertThat(root.resolve("a.txt")).exists();
  }

  @Test
  void previewNamesBothResolvedEnds() throws IOException {
    JsonValue preview =
        fs.preview("fs.move", "{\"source\":\"a.txt\",\"destination\":\"b.txt\",\"overwrite\":true}")
            .orElseThrow();

    assertThat(preview.get("resolved").flatMap(JsonValue::asString))
        .contains(root.toRealPath().resolve("a.txt").toString());
    assertThat(preview.get("resolvedDestination").flatMap(JsonValue::asString))
        .contains(root.toRealPath().resolve("b.txt").toString());
    assertThat(preview.get("replaces").orElseThrow().toJson()).isEqualTo("true");
    assertThat(root.resolve("a.txt")).exists();
  }
}
