package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.ErrorCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadToolTest {
  @TempDir Path root;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(root.resolve("poem.txt"), "one\ntwo\nthree\nfour\n");
    Files.write(root.resolve("image.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    Files.write(root.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    Files.createDirectory(root.resolve("dir"));
    fs =
        new FsHarness(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .maxReadBytes(64)
                .build());
  }

  @Test
  void readsAWholeTextFileWithItsHashAndLineCounts() {
    JsonValue result = ok(fs.run("fs.read", "{'path':'poem.txt'}"));

    assertThat(result.get("content").flatMap(JsonValue::asString))
        .contains("one\ntwo\nthree\nfour\n");
    assertThat(result.get("totalLines").orElseThrow().toJson()).isEqualTo("4");
    assertThat(result.get("truncated").orElseThrow().toJson()).isEqualTo("false");
    assertThat(result.get("sha256").flatMap(JsonValue::asString))
        .contains(Sandbox.sha("one\ntwo\nthree\nfour\n".getBytes()));
    assertThat(result.get("path").flatMap(JsonValue::asString)).contains("poem.txt");
  }

  @Test
  void readsARangeOfLinesAndSaysWhetherMoreFollow() {
    JsonValue result = ok(fs.run("fs.read", "{'path':'poem.txt','offset':2,'limit':2}"));

    assertThat(result.get("content").flatMap(JsonValue::asString)).contains("two\nthree\n");
    assertThat(result.get("lineCount").orElseThrow().toJson()).isEqualTo("2");
    assertThat(result.get("truncated").orElseThrow().toJson()).isEqualTo("true");
  }

  @Test
  void offsetPastTheEndReturnsNoLines() {
    JsonValue result = ok(fs.run("fs.read", "{'path':'poem.txt','offset':99}"));

    assertThat(result.get("content").flatMap(JsonValue::asString)).contains("");
    assertThat(result.get("lineCount").orElseThrow().toJson()).isEqualTo("0");
  }

  @Test
  void binaryContentIsRefusedUnlessBase64IsAskedFor() {
    assertThat(code(fs.run("fs.read", "{'path':'image.bin'}")))
        .isEqualTo(FsErrorCodes.BINARY_CONTENT);
    assertThat(code(fs.run("fs.read", "{'path':'latin1.txt'}")))
        .isEqualTo(FsErrorCodes.BINARY_CONTENT);

    JsonValue result = ok(fs.run("fs.read", "{'path':'image.bin','encoding':'base64'}"));

    assertThat(
            Base64.getDecoder()
                .decode(result.get("content").flatMap(JsonValue::asString).orElseThrow()))
        .containsExactly(0x89, 'P', 'N', 'G', 0, 1, 2);
  }

  @Test
  void missingFileIsNotFoundAndDirectoryIsNotAFile() {
    assertThat(code(fs.run("fs.read", "{'path':'nope.txt'}"))).isEqualTo(FsErrorCodes.NOT_FOUND);
    assertThat(code(fs.run("fs.read", "{'path':'dir'}"))).isEqualTo(FsErrorCodes.NOT_A_FILE);
    assertThat(code(fs.run("fs.read", "{'path':'.'}"))).isEqualTo(FsErrorCodes.NOT_A_FILE);
  }

  @Test
  void fileOverTheReadCapIsTooLarge() throws IOException {
    Files.writeString(root.resolve("big.txt"), "z".repeat(65));

    assertThat(code(fs.run("fs.read", "{'path':'big.txt'}"))).isEqualTo(FsErrorCodes.TOO_LARGE);
    assertThat(code(fs.run("fs.read", "{'path':'big.txt','limit':1}")))
        .isEqualTo(FsErrorCodes.TOO_LARGE);
  }

  @Test
  void linkInsideTheRootIsFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("alias"), Path.of("poem.txt"));

    JsonValue result = ok(fs.run("fs.read", "{'path':'alias','limit':1}"));

    assertThat(result.get("content").flatMap(JsonValue::asString)).contains("one\n");
    assertThat(result.get("path").flatMap(JsonValue::asString)).contains("poem.txt");
  }

  @Test
  void schemaRejectsUnknownArgumentsAndBadValues() {
    assertThat(code(fs.run("fs.read", "{'path':'poem.txt','follow':true}")))
        .isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
    assertThat(code(fs.run("fs.read", "{'path':'poem.txt','offset':0}")))
        .isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
    assertThat(code(fs.run("fs.read", "{'path':'poem.txt','encoding':'utf-16'}")))
        .isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
    assertThat(code(fs.execute("fs.read", "{\"path\":{\"a\":1}}")))
        .isEqualTo(ErrorCodes.INVALID_ARGUMENTS);
  }
}
