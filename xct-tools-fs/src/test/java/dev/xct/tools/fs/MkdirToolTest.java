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

class MkdirToolTest {
  @TempDir Path temp;
  private Path root;
  private Path readOnly;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    readOnly = Files.createDirectory(temp.resolve("ro"));
    Files.writeString(root.resolve("file.txt"), "x");
    fs =
        new FsHarness(
            FsTools.builder(
                    PathConfinement.builder()
                        .root(root, RootAccess.READ_WRITE)
                        .root(readOnly, RootAccess.READ_ONLY)
                        .build())
                .build());
  }

  @Test
  void createsADirectoryWithItsParents() {
    JsonValue result = ok(fs.run("fs.mkdir", "{'path':'a/b/c'}"));

    assertThat(root.resolve("a/b/c")).isDirectory();
    assertThat(result.get("created").orElseThrow().toJson()).isEqualTo("true");
    assertThat(result.get("createdDirectories").orElseThrow().toJson())
        .isEqualTo("[\"a\",\"a/b\",\"a/b/c\"]");
  }

  @Test
  void anExistingDirectoryIsNotAnError() {
    ok(fs.run("fs.mkdir", "{'path':'a'}"));

    JsonValue again = ok(fs.run("fs.mkdir", "{'path':'a'}"));

    assertThat(again.get("created").orElseThrow().toJson()).isEqualTo("false");
  }

  @Test
  void refusesToReplaceAFileOrToCreateParentsWhenToldNot() {
    assertThat(code(fs.run("fs.mkdir", "{'path':'file.txt'}")))
        .isEqualTo(FsErrorCodes.ALREADY_EXISTS);
    assertThat(code(fs.run("fs.mkdir", "{'path':'x/y','parents':false}")))
        .isEqualTo(FsErrorCodes.NOT_FOUND);
    assertThat(root.resolve("x")).doesNotExist();
  }

  @Test
  void readOnlyRootsCannotGrowDirectories() {
    assertThat(code(fs.run("fs.mkdir", "{'path':'" + readOnly + "/new'}")))
        .isEqualTo(FsErrorCodes.READ_ONLY_ROOT);
    assertThat(readOnly.resolve("new")).doesNotExist();
  }
}
