package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatToolTest {
  @TempDir Path root;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(root.resolve("a.txt"), "abc");
    Files.setPosixFilePermissions(
        root.resolve("a.txt"), PosixFilePermissions.fromString("rw-r-----"));
    Files.createDirectory(root.resolve("dir"));
    Sandbox.mkfifo(root.resolve("pipe"));
    fs = new FsHarness(FsTools.forRoot(root));
  }

  @Test
  void describesAFile() {
    JsonValue result = ok(fs.run("fs.stat", "{'path':'a.txt'}"));

    assertThat(result.get("exists").orElseThrow().toJson()).isEqualTo("true");
    assertThat(result.get("type").flatMap(JsonValue::asString)).contains("file");
    assertThat(result.get("size").orElseThrow().toJson()).isEqualTo("3");
    assertThat(result.get("permissions").flatMap(JsonValue::asString)).contains("rw-r-----");
    assertThat(result.get("links").orElseThrow().toJson()).isEqualTo("1");
  }

  @Test
  void describesDirectoriesAndTheRoot() {
    assertThat(ok(fs.run("fs.stat", "{'path':'dir'}")).get("type").flatMap(JsonValue::asString))
        .contains("directory");
    assertThat(ok(fs.run("fs.stat", "{'path':'.'}")).get("path").flatMap(JsonValue::asString))
        .contains(".");
  }

  @Test
  void missingPathIsNotAnError() {
    JsonValue result = ok(fs.run("fs.stat", "{'path':'dir/nope.txt'}"));

    assertThat(result.get("exists").orElseThrow().toJson()).isEqualTo("false");
    assertThat(result.get("path").flatMap(JsonValue::asString)).contains("dir/nope.txt");
  }

  @Test
  void specialFilesAreRefusedWithoutBeingOpened() {
    assertThat(code(fs.run("fs.stat", "{'path':'pipe'}"))).isEqualTo(FsErrorCodes.NOT_A_FILE);
    assertThat(code(fs.run("fs.stat", "{'path':'a.txt/x'}")))
        .isEqualTo(FsErrorCodes.NOT_A_DIRECTORY);
  }
}
