package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsToolsTest {
  @TempDir Path root;

  @Test
  void providesTheNineToolsUnderTheirExactNames() {
    assertThat(FsTools.forRoot(root).toolkit().tools())
        .extracting(tool -> tool.spec().name())
        .containsExactly(
            "fs.read",
            "fs.write",
            "fs.edit",
            "fs.list",
            "fs.stat",
            "fs.mkdir",
            "fs.delete",
            "fs.move",
            "fs.find");
  }

  @Test
  void everySchemaIsStrictAndCompiles() {
    FsHarness harness = new FsHarness(FsTools.forRoot(root));

    for (ToolSpec spec : harness.registry.specs()) {
      assertThat(spec.inputSchema().get("additionalProperties").orElseThrow().toJson())
          .as(spec.name())
          .isEqualTo("false");
      assertThat(spec.inputSchema().get("type").flatMap(JsonValue::asString)).contains("object");
      assertThat(spec.description()).isNotBlank();
    }
  }

  @Test
  void hintsMarkReadersReadOnlyAndChangersDestructive() {
    Map<String, ToolSpec> specs =
        FsTools.forRoot(root).toolkit().tools().stream()
            .map(Tool::spec)
            .collect(Collectors.toMap(ToolSpec::name, Function.identity()));

    for (String name : new String[] {"fs.read", "fs.list", "fs.stat", "fs.find"}) {
      assertThat(specs.get(name).hints().readOnly()).as(name).isTrue();
    }
    for (String name : new String[] {"fs.write", "fs.edit", "fs.delete", "fs.move"}) {
      assertThat(specs.get(name).hints().destructive()).as(name).isTrue();
      assertThat(specs.get(name).hints().readOnly()).as(name).isFalse();
    }
    assertThat(specs.get("fs.mkdir").hints().destructive()).isFalse();
    assertThat(specs.get("fs.mkdir").hints().idempotent()).isTrue();
  }

  @Test
  void validatorIsNamedAndLetsOtherToolsPass() {
    FsHarness harness = new FsHarness(FsTools.forRoot(root));

    assertThat(harness.fs.toolkit().validators())
        .extracting(validator -> validator.name())
        .containsExactly("fs-confinement");
    assertThat(harness.validate("shell.exec", JsonValue.parse("{\"path\":\"../x\"}")))
        .isEqualTo(Verdict.allow());
  }

  @Test
  void validatorDeniesWithTheRefusalCodeAndFailsClosedOnMissingPaths() throws IOException {
    Files.writeString(root.resolve("a.txt"), "a");
    FsHarness harness = new FsHarness(FsTools.forRoot(root));

    Verdict outside = harness.validate("fs.read", JsonValue.parse("{\"path\":\"../a\"}"));
    Verdict missing = harness.validate("fs.write", JsonValue.parse("{\"content\":\"x\"}"));
    Verdict notString = harness.validate("fs.move", JsonValue.parse("{\"source\":1}"));
    Verdict fine = harness.validate("fs.read", JsonValue.parse("{\"path\":\"a.txt\"}"));

    assertThat(((Verdict.Deny) outside).code()).isEqualTo(FsErrorCodes.PATH_OUTSIDE_ROOT);
    assertThat(((Verdict.Deny) missing).code()).isEqualTo("INVALID_ARGUMENTS");
    assertThat(((Verdict.Deny) notString).code()).isEqualTo("INVALID_ARGUMENTS");
    assertThat(fine).isEqualTo(Verdict.allow());
  }

  @Test
  void builderRejectsLimitsThatAreNotPositive() {
    PathConfinement confinement =
        PathConfinement.builder().root(root, RootAccess.READ_WRITE).build();

    assertThatThrownBy(() -> FsTools.builder(confinement).maxReadBytes(0).build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("maxReadBytes");
    assertThatThrownBy(() -> FsTools.builder(confinement).maxEntries(-1).build())
        .isInstanceOf(XctException.class)
        .hasMessageContaining("maxEntries");
  }
}
