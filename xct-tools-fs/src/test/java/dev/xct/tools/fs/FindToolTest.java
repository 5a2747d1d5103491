package dev.xct.tools.fs;

import static dev.xct.tools.fs.FsHarness.code;
import static dev.xct.tools.fs.FsHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindToolTest {
  @TempDir Path temp;
  private Path root;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    Path outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("Leak.java"), Sandbox.SECRET);
    Files.createDirectories(root.resolve("src/a/b"));
    Files.createDirectories(root.resolve("test"));
    Files.writeString(root.resolve("src/Main.java"), "");
    Files.writeString(root.resolve("src/a/b/Util.java"), "");
    Files.writeString(root.resolve("src/a/notes.md"), "");
    Files.writeString(root.resolve("test/MainTest.java"), "");
    Files.writeString(root.resolve("server.pem"), "");
    Files.createSymbolicLink(root.resolve("linked"), outside);
    fs =
        new FsHarness(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .maxVisited(5)
                .build());
  }

  private static List<String> matches(JsonValue result) {
    return result
        .get("matches")
        .orElseThrow()
        .toNode()
        .valueStream()
        .map(e -> e.get("path").asString())
        .toList();
  }

  @Test
  void patternWithoutSlashMatchesNamesAtAnyDepth() {
    FsHarness unbounded = new FsHarness(FsTools.forRoot(root));

    JsonValue result = ok(unbounded.run("fs.find", "{'pattern':'*.java'}"));

    assertThat(matches(result))
        .containsExactly("src/Main.java", "src/a/b/Util.java", "test/MainTest.java");
    assertThat(result.toJson()).doesNotContain("Leak");
  }

  @Test
  void anchoredPatternIsRelativeToTheSearchDirectory() {
    FsHarness unbounded = new FsHarness(FsTools.forRoot(root));

    assertThat(matches(ok(unbounded.run("fs.find", "{'path':'src','pattern':'a/**/*.java'}"))))
        .containsExactly("src/a/b/Util.java");
    assertThat(matches(ok(unbounded.run("fs.find", "{'pattern':'{src,test}/*.{java,md}'}"))))
        .containsExactly("src/Main.java", "test/MainTest.java");
    assertThat(matches(ok(unbounded.run("fs.find", "{'pattern':'*.pem'}")))).isEmpty();
  }

  @Test
  void resultsAndVisitedEntriesAreBounded() {
    FsHarness unbounded = new FsHarness(FsTools.forRoot(root));

    JsonValue few = ok(unbounded.run("fs.find", "{'pattern':'**','maxResults':2}"));
    JsonValue visited = ok(fs.run("fs.find", "{'pattern':'*.java'}"));

    assertThat(matches(few)).hasSize(2);
    assertThat(few.get("truncated").orElseThrow().toJson()).isEqualTo("true");
    assertThat(visited.get("truncated").orElseThrow().toJson()).isEqualTo("true");
  }

  @Test
  void aPatternWithManyStarsCannotMakeTheSearchSlow() throws IOException {
    // Regression: the former regex-based glob backtracked exponentially on such a name.
    Files.writeString(root.resolve("a".repeat(200)), "");
    FsHarness unbounded = new FsHarness(FsTools.forRoot(root));
    String pattern = "*a".repeat(20) + "*b";

    long start = System.nanoTime();
    JsonValue result = ok(unbounded.run("fs.find", "{'pattern':'" + pattern + "'}"));

    assertThat(matches(result)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void malformedPatternIsInvalidArguments() {
    assertThat(code(fs.run("fs.find", "{'pattern':'{a,b'}"))).isEqualTo("INVALID_ARGUMENTS");
    assertThat(code(fs.run("fs.find", "{'pattern':'src\\\\Main.java'}")))
        .isEqualTo("INVALID_ARGUMENTS");
    assertThat(code(fs.run("fs.find", "{'path':'src/Main.java','pattern':'*'}")))
        .isEqualTo(FsErrorCodes.NOT_A_DIRECTORY);
  }
}
