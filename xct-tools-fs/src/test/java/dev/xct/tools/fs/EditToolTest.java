package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditToolTest {
  private static final String SOURCE =
      "class A {\n  int x = 1;\n  int y = 1;\n  void run() {}\n}\n";

  @TempDir Path root;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(root.resolve("A.java"), SOURCE);
    Files.createDirectory(root.resolve("dir"));
    fs =
        new FsHarness(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .maxWriteBytes(200)
                .build());
  }

  @Test
  void replacesTheOneOccurrenceAndReportsItsLine() throws IOException {
    JsonValue result =
        ok(fs.run("fs.edit", "{'path':'A.java','oldText':'int y = 1;','newText':'int y = 2;'}"));

    assertThat(Files.readString(root.resolve("A.java")))
        .isEqualTo(SOURCE.replace("y = 1", "y = 2"));
    assertThat(result.get("line").orElseThrow().toJson()).isEqualTo("3");
  }

  @Test
  void textThatDoesNotOccurIsNoMatch() throws IOException {
    Result result = fs.run("fs.edit", "{'path':'A.java','oldText':'int z','newText':'int w'}");

    assertThat(code(result)).isEqualTo(FsErrorCodes.NO_MATCH);
    assertThat(Files.readString(root.resolve("A.java"))).isEqualTo(SOURCE);
  }

  @Test
  void textThatOccursSeveralTimesSaysHowOftenAndWhere() throws IOException {
    Result result = fs.run("fs.edit", "{'path':'A.java','oldText':'= 1;','newText':'= 3;'}");

    assertThat(code(result)).isEqualTo(FsErrorCodes.MULTIPLE_MATCHES);
    Result.Failure failure = (Result.Failure) result;
    assertThat(failure.details().get("count").orElseThrow().toJson()).isEqualTo("2");
    assertThat(failure.details().get("lines").orElseThrow().toJson()).isEqualTo("[2,3]");
    assertThat(failure.message()).contains("2 times").contains("[2, 3]");
    assertThat(Files.readString(root.resolve("A.java"))).isEqualTo(SOURCE);
  }

  @Test
  void overlappingOccurrencesCountAsSeveral() throws IOException {
    Files.writeString(root.resolve("a.txt"), "aaa");

    assertThat(code(fs.run("fs.edit", "{'path':'a.txt','oldText':'aa','newText':'b'}")))
        .isEqualTo(FsErrorCodes.MULTIPLE_MATCHES);
  }

  @Test
  void binaryMissingDirectoryAndOversizedResultsAreRefused() throws IOException {
    Files.write(root.resolve("b.bin"), new byte[] {'a', 0, 'b'});

    assertThat(code(fs.run("fs.edit", "{'path':'b.bin','oldText':'a','newText':'c'}")))
        .isEqualTo(FsErrorCodes.BINARY_CONTENT);
    assertThat(code(fs.run("fs.edit", "{'path':'nope','oldText':'a','newText':'c'}")))
        .isEqualTo(FsErrorCodes.NOT_FOUND);
    assertThat(code(fs.run("fs.edit", "{'path':'dir','oldText':'a','newText':'c'}")))
        .isEqualTo(FsErrorCodes.NOT_A_FILE);
    assertThat(
            code(
                fs.run(
                    "fs.edit",
                    "{'path':'A.java','oldText':'run','newText':'" + "r".repeat(200) + "'}")))
        .isEqualTo(FsErrorCodes.TOO_LARGE);
    assertThat(Files.readString(root.resolve("A.java"))).isEqualTo(SOURCE);
  }

  @Test
  void staleExpectedShaIsAConflict() throws IOException {
    Result result =
        fs.run(
            "fs.edit",
            "{'path':'A.java','oldText':'run','newText':'go','expectedSha256':'"
                + "a".repeat(64)
                + "'}");

    assertThat(code(result)).isEqualTo(FsErrorCodes.CONFLICT);
    assertThat(Files.readString(root.resolve("A.java"))).isEqualTo(SOURCE);
  }

  @Test
  void emptyOldTextIsRejectedBySchema() {
    assertThat(code(fs.run("fs.edit", "{'path':'A.java','oldText':'','newText':'x'}")))
        .isEqualTo("INVALID_ARGUMENTS");
  }

  @Test
  void previewShowsTheDiffOfTheEdit() throws IOException {
    JsonValue preview =
        fs.preview(
                "fs.edit",
                "{\"path\":\"A.java\",\"oldText\":\"void run() {}\",\"newText\":\"void go() {}\"}")
            .orElseThrow();

    assertThat(preview.get("diff").flatMap(JsonValue::asString).orElseThrow())
        .contains("@@ -1,5 +1,5 @@")
        .contains("-  void run() {}\n+  void go() {}\n");
    assertThat(Files.readString(root.resolve("A.java"))).isEqualTo(SOURCE);
  }
}
