package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteToolTest {
  @TempDir Path temp;
  private Path root;
  private Path outside;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(root.resolve("config.json"), "{\"a\":1}\n");
    fs = harness(HardLinkPolicy.REFUSE_WRITES);
  }

  private FsHarness harness(HardLinkPolicy policy) {
    PathConfinement confinement =
        PathConfinement.builder().root(root, RootAccess.READ_WRITE).hardLinks(policy).build();
    return new FsHarness(FsTools.builder(confinement).maxWriteBytes(1024).build());
  }

  @Test
  void createsANewFileByDefaultAndReportsWhatItWrote() throws IOException {
    JsonValue result = ok(fs.run("fs.write", "{'path':'./new.txt','content':'héllo'}"));

    assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("héllo");
    assertThat(result.get("outcome").flatMap(JsonValue::asString)).contains("created");
    assertThat(result.get("bytesWritten").orElseThrow().toJson()).isEqualTo("6");
    assertThat(result.get("sha256").flatMap(JsonValue::asString))
        .contains(Sandbox.sha("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(result.get("path").flatMap(JsonValue::asString)).contains("new.txt");
    assertNoTemporaryFiles();
  }

  @Test
  void createModeRefusesAnExistingFileAndLeavesItAlone() throws IOException {
    Result result = fs.run("fs.write", "{'path':'config.json','content':'{}'}");

    assertThat(code(result)).isEqualTo(FsErrorCodes.ALREADY_EXISTS);
    assertThat(Files.readString(root.resolve("config.json"))).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void overwriteReplacesTheContentAndKeepsThePermissions() throws IOException {
    Files.setPosixFilePermissions(
        root.resolve("config.json"), PosixFilePermissions.fromString("rw-------"));

    JsonValue result =
        ok(fs.run("fs.write", "{'path':'config.json','content':'{}','mode':'overwrite'}"));

    assertThat(Files.readString(root.resolve("config.json"))).isEqualTo("{}");
    assertThat(result.get("outcome").flatMap(JsonValue::asString)).contains("replaced");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("config.json"))))
        .isEqualTo("rw-------");
  }

  @ParameterizedTest(name = "durable writes: {0}")
  @ValueSource(booleans = {true, false})
  void bothModesReplaceAtomicallyAndKeepEvenPermissionsTheUmaskWouldClear(boolean durable)
      throws IOException {
    FsHarness tools =
        new FsHarness(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .durableWrites(durable)
                .build());
    Path config = root.resolve("config.json");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));

    JsonValue written =
        ok(tools.run("fs.write", "{'path':'config.json','content':'{}','mode':'overwrite'}"));
    ok(tools.run("fs.edit", "{'path':'config.json','oldText':'{}','newText':'[]'}"));
    ok(tools.run("fs.write", "{'path':'a/b/new.txt','content':'x','createParents':true}"));

    assertThat(written.get("sha256").flatMap(JsonValue::asString))
        .contains(Sandbox.sha("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(Files.readString(config)).isEqualTo("[]");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-rw-rw-");
    assertThat(Files.readString(root.resolve("a/b/new.txt"))).isEqualTo("x");
    assertNoTemporaryFiles();
  }

  @Test
  void appendAddsToTheEndAndCreatesAMissingFile() throws IOException {
    ok(fs.run("fs.write", "{'path':'config.json','content':'more','mode':'append'}"));
    JsonValue created = ok(fs.run("fs.write", "{'path':'log.txt','content':'a','mode':'append'}"));

    assertThat(Files.readString(root.resolve("config.json"))).isEqualTo("{\"a\":1}\nmore");
    assertThat(created.get("outcome").flatMap(JsonValue::asString)).contains("created");
  }

  @Test
  void expectedShaMakesTheWriteACompareAndSwap() throws IOException {
    String current = Sandbox.sha(Files.readAllBytes(root.resolve("config.json")));
    String stale = "0".repeat(64);

    Result conflict =
        fs.run(
            "fs.write",
            "{'path':'config.json','content':'x','mode':'overwrite','expectedSha256':'"
                + stale
                + "'}");
    Result missing =
        fs.run("fs.write", "{'path':'absent.txt','content':'x','expectedSha256':'" + stale + "'}");
    ok(
        fs.run(
            "fs.write",
            "{'path':'config.json','content':'x','mode':'overwrite','expectedSha256':'"
                + current
                + "'}"));

    assertThat(code(conflict)).isEqualTo(FsErrorCodes.CONFLICT);
    assertThat(
            ((Result.Failure) conflict).details().get("actualSha256").flatMap(JsonValue::asString))
        .contains(current);
    assertThat(code(missing)).isEqualTo(FsErrorCodes.CONFLICT);
    assertThat(Files.readString(root.resolve("config.json"))).isEqualTo("x");
    assertThat(root.resolve("absent.txt")).doesNotExist();
  }

  @Test
  void missingParentIsNotFoundUnlessParentsAreCreated() throws IOException {
    assertThat(code(fs.run("fs.write", "{'path':'a/b/c.txt','content':'x'}")))
        .isEqualTo(FsErrorCodes.NOT_FOUND);

    ok(fs.run("fs.write", "{'path':'a/b/c.txt','content':'x','createParents':true}"));

    assertThat(Files.readString(root.resolve("a/b/c.txt"))).isEqualTo("x");
  }

  @Test
  void writingThroughALinkInsideTheRootUpdatesTheTargetAndKeepsTheLink() throws IOException {
    Files.createSymbolicLink(root.resolve("current"), Path.of("config.json"));

    ok(fs.run("fs.write", "{'path':'current','content':'v2','mode':'overwrite'}"));

    assertThat(Files.isSymbolicLink(root.resolve("current"))).isTrue();
    assertThat(Files.readString(root.resolve("config.json"))).isEqualTo("v2");
  }

  @Test
  void evenWhenHardLinksAreAllowedAWriteNeverReachesTheOtherName() throws IOException {
    Files.writeString(outside.resolve("shared.txt"), "outside original");
    Files.createLink(root.resolve("shared.txt"), outside.resolve("shared.txt"));
    FsHarness lenient = harness(HardLinkPolicy.ALLOW);

    ok(lenient.run("fs.write", "{'path':'shared.txt','content':'changed','mode':'overwrite'}"));

    assertThat(Files.readString(root.resolve("shared.txt"))).isEqualTo("changed");
    assertThat(Files.readString(outside.resolve("shared.txt"))).isEqualTo("outside original");
  }

  @Test
  void contentOverTheWriteCapIsRefusedByTheValidatorAndTheTool() {
    String json = "{\"path\":\"big.txt\",\"content\":\"" + "x".repeat(1025) + "\"}";

    assertThat(code(fs.call("fs.write", json))).isEqualTo(FsErrorCodes.TOO_LARGE);
    assertThat(code(fs.execute("fs.write", json))).isEqualTo(FsErrorCodes.TOO_LARGE);
    assertThat(root.resolve("big.txt")).doesNotExist();
  }

  @Test
  void previewShowsTheResolvedPathAndADiffWithoutChangingAnything() throws IOException {
    JsonValue preview =
        fs.preview(
                "fs.write",
                "{\"path\":\"config.json\",\"content\":\"{\\\"a\\\":2}\\n\",\"mode\":\"overwrite\"}")
            .orElseThrow();

    assertThat(preview.get("resolved").flatMap(JsonValue::asString))
        .contains(root.toRealPath().resolve("config.json").toString());
    assertThat(preview.get("action").flatMap(JsonValue::asString)).contains("replace");
    assertThat(preview.get("diff").flatMap(JsonValue::asString).orElseThrow())
        .contains("-{\"a\":1}\n+{\"a\":2}\n");
    assertThat(Files.readString(root.resolve("config.json"))).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void previewOfAWriteThatWouldFailSaysSo() {
    JsonValue preview =
        fs.preview("fs.write", "{\"path\":\"config.json\",\"content\":\"x\"}").orElseThrow();

    assertThat(preview.at("/wouldFail/code").flatMap(JsonValue::asString))
        .contains(FsErrorCodes.ALREADY_EXISTS);
  }

  private void assertNoTemporaryFiles() throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".xct-"));
    }
  }
}
