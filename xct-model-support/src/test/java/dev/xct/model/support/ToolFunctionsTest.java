package dev.xct.model.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.support.testing.SafeFileCreation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tool names map to function names and back exactly, and functions carry the embedded schema. */
class ToolFunctionsTest {
  private static final ToolSpec OPTIONAL_LIMIT =
      ToolSpec.builder("fs.read")
          .inputSchema(
              """
              {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
               "properties":{"path":{"type":"string"},"limit":{"type":"integer"}},
               "required":["path"],"additionalProperties":false}""")
          .build();

  @ParameterizedTest
  @CsvSource({
    "fs.write, fs-write",
    "k8s.deployments.scale, k8s-deployments-scale",
    "status, status",
    "snake_case.tool, snake_case-tool",
  })
  void dotsBecomeDashesAndBackAgain(String tool, String function) {
    assertThat(ToolFunctions.functionName(tool)).isEqualTo(function);
    assertThat(ToolFunctions.toolName(function)).isEqualTo(tool);
  }

  @Test
  void doneIsTheUpperCaseSignalNoToolCanShare() {
    assertThat(ToolFunctions.isDone("DONE")).isTrue();
    assertThat(ToolFunctions.isDone("done")).isFalse();
    assertThat(ToolFunctions.isDone("fs-write")).isFalse();
    assertThat(ToolSpec.isValidName(ToolFunctions.toolName(ToolFunctions.DONE))).isFalse();
  }

  @Test
  void parametersAreTheArgumentSchemaTheProposalSchemaEmbeds() {
    ToolSpec write = SafeFileCreation.fsWriteSpec();

    assertThat(ToolFunctions.parameters(write))
        .isEqualTo(JsonValue.parse(SafeFileCreation.FS_WRITE_SCHEMA));
    assertThat(ToolFunctions.parameters(OPTIONAL_LIMIT).get("$schema")).isEmpty();
    assertThat(ToolFunctions.parameters(ToolSpec.builder("net.ping").build()).toJson())
        .contains("\"type\":\"object\"");
  }

  @Test
  void aFunctionIsStrictExactlyWhenItsSchemaIsInsideTheStrictSubset() {
    assertThat(ToolFunctions.isStrict(SafeFileCreation.fsWriteSpec())).isTrue();
    assertThat(ToolFunctions.isStrict(OPTIONAL_LIMIT)).isFalse();
    assertThat(ProposalSchema.of(List.of(OPTIONAL_LIMIT)).strictSchema()).isEmpty();
  }
}
