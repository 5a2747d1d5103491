package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprint a deferred approval re-checks: for the changing file tools it covers the whole
 * target, beyond what the bounded diff of the preview shows.
 */
class FsFingerprintTest {
  @TempDir Path root;
  private FsHarness fs;

  @BeforeEach
  void setUp() throws IOException {
    fs =
        new FsHarness(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .maxDiffChars(40)
                .build());
    Files.writeString(root.resolve("big.txt"), "line\n".repeat(1000));
    Files.createDirectories(root.resolve("tree/x"));
    Files.writeString(root.resolve("tree/x/a.txt"), "a");
  }

  private Optional<String> fingerprint(String tool, String json) {
    return fs.tool(tool)
        .fingerprint(new ToolCall(tool, JsonValue.parse(json), "test"), FsHarness.context());
  }

  @Test
  void aChangeBeyondTheTruncatedDiffChangesTheWriteFingerprint() throws IOException {
    String write = "{\"path\":\"big.txt\",\"content\":\"new\"}";
    Optional<String> before = fingerprint("fs.write", write);
    String previewBefore = fs.preview("fs.write", write).orElseThrow().toCanonicalJson();

    Files.writeString(root.resolve("big.txt"), "line\n".repeat(999) + "LINE\n");

    assertThat(fs.preview("fs.write", write).orElseThrow().toCanonicalJson())
        .as("the bounded diff alone does not show the change")
        .isEqualTo(previewBefore);
    assertThat(fingerprint("fs.write", write)).isPresent().isNotEqualTo(before);
  }

  @Test
  void theFingerprintIsStableWhileNothingChanges() {
    String edit = "{\"path\":\"tree/x/a.txt\",\"oldText\":\"a\",\"newText\":\"b\"}";
    assertThat(fingerprint("fs.edit", edit)).isEqualTo(fingerprint("fs.edit", edit)).isPresent();
  }

  @Test
  void aFileAddedToADirectoryChangesTheDeleteFingerprint() throws IOException {
    String delete = "{\"path\":\"tree\",\"recursive\":true}";
    Optional<String> before = fingerprint("fs.delete", delete);

    Files.writeString(root.resolve("tree/x/b.txt"), "b");

    assertThat(fingerprint("fs.delete", delete)).isPresent().isNotEqualTo(before);
  }

  @Test
  void readOnlyToolsHaveNoFingerprint() {
    assertThat(fingerprint("fs.read", "{\"path\":\"big.txt\"}")).isEmpty();
  }
}
