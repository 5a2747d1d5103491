package dev.xct.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins what the model sees of the fs tools' arguments: the specs (schemas, descriptions, hints)
 * byte for byte, and the codes and messages of bad arguments, whether the validator refuses them
 * before anything runs or the tool refuses them when called directly. The expected texts were
 * recorded from the tools before they were built on {@code TypedTool}.
 */
class FsToolArgumentsTest {
  @TempDir Path root;
  private FsHarness harness;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(root.resolve("hello.txt"), "hello\n");
    Files.writeString(root.resolve("other.txt"), "other\n");
    harness = new FsHarness(FsTools.forRoot(root));
  }

  @Test
  void specsAreExactlyTheOnesTheModelSawBefore() throws IOException {
    Map<String, Object> specs = new LinkedHashMap<>();
    for (Tool tool : harness.fs.toolkit().tools()) {
      ToolSpec spec = tool.spec();
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("description", spec.description());
      shown.put("inputSchema", spec.inputSchema());
      shown.put("hints", spec.hints().toString());
      shown.put("timeout", spec.timeout().map(Object::toString).orElse("none"));
      specs.put(spec.name(), shown);
    }

    String expected;
    try (InputStream in = FsToolArgumentsTest.class.getResourceAsStream("fs-tool-specs.json")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    JsonValue recorded = JsonValue.parse(expected);
    assertThat(JsonValue.from(specs).toCanonicalJson()).isEqualTo(recorded.toCanonicalJson());
    // The model reads the schema's text, so its member order is pinned too, not only its meaning.
    for (Tool tool : harness.fs.toolkit().tools()) {
      String name = tool.spec().name();
      assertThat(tool.spec().inputSchema().toJson())
          .as(name)
          .isEqualTo(recorded.get(name).orElseThrow().get("inputSchema").orElseThrow().toJson());
    }
  }

  /** Arguments that pass the schema's types but not the tool's own checks, called directly. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          fs.read  | {'path':'hello.txt','offset':0}                     | INVALID_ARGUMENTS | offset and limit must be at least 1
          fs.read  | {'path':'hello.txt','limit':0}                      | INVALID_ARGUMENTS | offset and limit must be at least 1
          fs.write | {'path':'new.txt','content':'a','mode':'bogus'}     | INVALID_ARGUMENTS | mode must be create, overwrite or append
          fs.edit  | {'path':'hello.txt','oldText':'','newText':'x'}     | INVALID_ARGUMENTS | oldText must be non-empty and newText present
          fs.find  | {'pattern':'{a'}                                    | INVALID_ARGUMENTS | pattern is not a valid glob: {a
          fs.write | {'path':'hello.txt','content':'x'}                  | ALREADY_EXISTS    | file 'hello.txt' already exists; use mode 'overwrite' or 'append'
          fs.read  | {'path':'../x'}                                     | PATH_OUTSIDE_ROOT | path '../x' resolves outside the allowed roots
          """)
  void theToolRefusesBadArgumentsWithTheSameCodeAndMessage(
      String tool, String template, String code, String message) {
    Result result = harness.execute(tool, template.replace('\'', '"'));

    assertThat(result).isInstanceOf(Result.Failure.class);
    Result.Failure failure = (Result.Failure) result;
    assertThat(failure.code()).isEqualTo(code);
    assertThat(failure.message()).isEqualTo(message);
  }

  /** Proposals the fs-confinement validator denies before anything runs. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          fs.read   | {'path':'../x'}                                    | PATH_OUTSIDE_ROOT | path '../x' resolves outside the allowed roots
          fs.list   | {'path':'/etc'}                                    | PATH_OUTSIDE_ROOT | path '/etc' resolves outside the allowed roots
          fs.write  | {'path':'.env','content':'x'}                      | PATH_DENIED       | path '.env' is denied by the rule '.env'
          fs.delete | {'path':'.'}                                       | PATH_DENIED       | path '.' is (or holds) a root
          fs.move   | {'source':'hello.txt','destination':'other.txt'}   | ALREADY_EXISTS    | destination 'other.txt' exists; set overwrite to replace it
          fs.move   | {'source':'missing.txt','destination':'x.txt'}     | NOT_FOUND         | path 'missing.txt' does not exist
          fs.find   | {'path':'../x','pattern':'*'}                      | PATH_OUTSIDE_ROOT | path '../x' resolves outside the allowed roots
          """)
  void theValidatorDeniesBadPathsWithTheSameCodeAndMessage(
      String tool, String template, String code, String message) {
    Verdict verdict = harness.validate(tool, JsonValue.parse(template.replace('\'', '"')));

    assertThat(verdict).isInstanceOf(Verdict.Deny.class);
    Verdict.Deny deny = (Verdict.Deny) verdict;
    assertThat(deny.code()).isEqualTo(code);
    assertThat(deny.reason()).isEqualTo(message);
  }

  @Test
  void theValidatorAllowsMoveOverAFileWhenOverwriteIsSet() {
    Verdict verdict =
        harness.validate(
            "fs.move",
            JsonValue.parse(
                "{\"source\":\"hello.txt\",\"destination\":\"other.txt\",\"overwrite\":true}"));

    assertThat(verdict).isEqualTo(Verdict.allow());
  }

  @Test
  void theValidatorDeniesContentOverTheWriteCap() {
    FsHarness small =
        new FsHarness(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .maxWriteBytes(4)
                .build());

    Verdict verdict =
        small.validate("fs.write", JsonValue.parse("{\"path\":\"a.txt\",\"content\":\"12345\"}"));

    assertThat(verdict).isInstanceOf(Verdict.Deny.class);
    assertThat(((Verdict.Deny) verdict).code()).isEqualTo(FsErrorCodes.TOO_LARGE);
  }

  @Test
  void aPreviewOfACallThatWouldFailSaysHow() {
    JsonValue preview =
        harness.preview("fs.write", "{\"path\":\"hello.txt\",\"content\":\"x\"}").orElseThrow();

    assertThat(preview.toJson())
        .isEqualTo(
            "{\"tool\":\"fs.write\",\"wouldFail\":{\"code\":\"ALREADY_EXISTS\","
                + "\"message\":\"file 'hello.txt' already exists\"}}");
  }

  @Test
  void argumentsThatDoNotBindAreRefusedAsInvalidWhereverTheyArrive() {
    Result direct = harness.execute("fs.read", "{\"path\":\"hello.txt\",\"offset\":\"one\"}");
    Verdict denied = harness.validate("fs.read", JsonValue.parse("{\"path\":7}"));

    assertThat(FsHarness.code(direct)).isEqualTo("INVALID_ARGUMENTS");
    assertThat(((Verdict.Deny) denied).code()).isEqualTo("INVALID_ARGUMENTS");
    assertThat(List.of(direct.toString(), denied.toString())).noneMatch(s -> s.contains("java."));
  }

  /**
   * Changed on purpose when the tools moved to TypedTool: arguments that pass the schema but do not
   * bind used to get "arguments of 'fs.read' do not fit its schema"; now, as for every typed tool,
   * the message names the member and why.
   */
  @Test
  void argumentsThatPassTheSchemaButDoNotBindAreRefusedNamingTheMember() {
    Result result = harness.call("fs.read", "{\"path\":\"hello.txt\",\"offset\":1099511627776}");

    assertThat(result).isInstanceOf(Result.Failure.class);
    Result.Failure failure = (Result.Failure) result;
    assertThat(failure.code()).isEqualTo("INVALID_ARGUMENTS");
    assertThat(failure.message())
        .isEqualTo(
            "arguments of 'fs.read' do not fit at '/offset': the number is out of range for an"
                + " integer");
  }
}
