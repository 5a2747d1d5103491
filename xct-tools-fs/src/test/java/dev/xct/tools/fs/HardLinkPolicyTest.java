package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hard link is another name of the same file, and nothing tells the names apart. Something with
 * access to both places can pre-arrange one inside a root ({@code ln ../outside/secret.txt hl},
 * {@code ln .env env-alias}, a hard-link member of a tar archive); these tests make real ones and
 * try to read through them.
 */
class HardLinkPolicyTest {
  private static final String SECRET = "TOP-SECRET-hard-5e1d";
  private static final String KEY = "API_KEY=in-root";

  @TempDir Path temp;
  private Path root;
  private Path outside;

  @BeforeEach
  void layOut() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
    Files.writeString(root.resolve(".env"), KEY + "\n");
    Files.writeString(root.resolve("plain.txt"), "plain\n");
    Files.createLink(root.resolve("hl"), outside.resolve("secret.txt"));
    Files.createLink(root.resolve("env-alias"), root.resolve(".env"));
    Files.createSymbolicLink(root.resolve("to-hl"), Path.of("hl"));
  }

  private PathConfinement.Builder confinement() {
    return PathConfinement.builder().root(root, RootAccess.READ_WRITE);
  }

  private static FsHarness tools(PathConfinement.Builder confinement) {
    return new FsHarness(FsTools.builder(confinement.build()).build());
  }

  @Test
  void readingAHardLinkToAFileOutsideTheRootsIsRefusedByDefault() {
    FsHarness fs = tools(confinement());

    for (String call : List.of("{'path':'hl'}", "{'path':'hl','encoding':'base64'}")) {
      String json = call.replace('\'', '"');
      for (Result result : List.of(fs.call("fs.read", json), fs.execute("fs.read", json))) {
        assertThat(code(result)).as(call).isEqualTo(FsErrorCodes.HARD_LINK_NOT_ALLOWED);
        assertThat(result.toString()).doesNotContain(SECRET).doesNotContain(outside.toString());
      }
    }
  }

  @Test
  void readingAHardLinkToADeniedFileIsRefusedByDefault() {
    FsHarness fs = tools(confinement());

    Result viaLoop = fs.run("fs.read", "{'path':'env-alias'}");
    Result direct = fs.execute("fs.read", "{\"path\":\"env-alias\"}");

    for (Result result : List.of(viaLoop, direct)) {
      assertThat(code(result)).isEqualTo(FsErrorCodes.HARD_LINK_NOT_ALLOWED);
      assertThat(result.toString()).doesNotContain("API_KEY");
    }
  }

  @Test
  void aSymbolicLinkToAHardLinkedFileIsRefusedLikeTheHardLink() {
    assertThat(code(tools(confinement()).run("fs.read", "{'path':'to-hl'}")))
        .isEqualTo(FsErrorCodes.HARD_LINK_NOT_ALLOWED);
  }

  @Test
  void confinementRefusesReadAccessToAHardLinkedFileByDefaultSoShellArgumentsAreRefusedToo() {
    PathConfinement confinement = confinement().build();

    PathResolution resolution = confinement.resolve("hl", PathAccess.READ);

    assertThat(resolution)
        .isInstanceOfSatisfying(
            PathResolution.Refused.class,
            refused -> assertThat(refused.code()).isEqualTo(FsErrorCodes.HARD_LINK_NOT_ALLOWED));
    assertThat(confinement.resolve("plain.txt", PathAccess.READ).isAllowed()).isTrue();
  }

  @Test
  void refuseWritesIsTheOptOutThatLetsHardLinkedFilesBeReadButNotChanged() throws IOException {
    FsHarness fs = tools(confinement().hardLinks(HardLinkPolicy.REFUSE_WRITES));

    JsonValue read = ok(fs.run("fs.read", "{'path':'hl'}"));
    Result write = fs.run("fs.write", "{'path':'hl','content':'x','mode':'overwrite'}");

    assertThat(read.get("content").flatMap(JsonValue::asString)).contains(SECRET + "\n");
    assertThat(code(write)).isEqualTo(FsErrorCodes.HARD_LINK_NOT_ALLOWED);
    assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo(SECRET + "\n");
  }

  @Test
  void allowLetsHardLinkedFilesBeRead() {
    FsHarness fs = tools(confinement().hardLinks(HardLinkPolicy.ALLOW));

    JsonValue read = ok(fs.run("fs.read", "{'path':'env-alias'}"));

    assertThat(read.get("content").flatMap(JsonValue::asString)).contains(KEY + "\n");
  }

  @ParameterizedTest
  @EnumSource(HardLinkPolicy.class)
  void statListAndFindDescribeAHardLinkedFileUnderEveryPolicyWithoutItsContent(
      HardLinkPolicy policy) {
    FsHarness fs = tools(confinement().hardLinks(policy));

    JsonValue stat = ok(fs.run("fs.stat", "{'path':'hl'}"));
    JsonValue list = ok(fs.run("fs.list", "{'path':'.'}"));
    JsonValue find = ok(fs.run("fs.find", "{'pattern':'h*'}"));

    assertThat(stat.get("type").flatMap(JsonValue::asString)).contains("file");
    assertThat(stat.get("links").orElseThrow().toJson()).isEqualTo("2");
    assertThat(list.toJson()).contains("\"hl\"");
    assertThat(find.toJson()).contains("\"hl\"");
    for (JsonValue result : List.of(stat, list, find)) {
      assertThat(result.toJson()).doesNotContain(SECRET);
    }
  }

  @Test
  void listingOrSearchingAHardLinkedFileSaysItIsNotADirectory() {
    FsHarness fs = tools(confinement());

    assertThat(code(fs.run("fs.list", "{'path':'hl'}"))).isEqualTo(FsErrorCodes.NOT_A_DIRECTORY);
    assertThat(code(fs.run("fs.find", "{'path':'hl','pattern':'*'}")))
        .isEqualTo(FsErrorCodes.NOT_A_DIRECTORY);
  }

  @Test
  void aFileWithOneNameLeftIsReadLikeAnyOther() throws IOException {
    FsHarness fs = tools(confinement());
    Files.delete(outside.resolve("secret.txt"));

    JsonValue plain = ok(fs.run("fs.read", "{'path':'plain.txt'}"));
    JsonValue formerlyShared = ok(fs.run("fs.read", "{'path':'hl'}"));

    assertThat(plain.get("content").flatMap(JsonValue::asString)).contains("plain\n");
    assertThat(formerlyShared.get("content").flatMap(JsonValue::asString)).contains(SECRET + "\n");
  }
}
