package dev.xct.model.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.support.internal.StrictSchemas;
import dev.xct.model.support.testing.SafeFileCreation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated response schema is checked against the codec and the tools' own schemas: it accepts
 * every valid decision, and rejects every reply the codec rejects for shape and every proposal the
 * validators would refuse for tool or arguments.
 */
class ProposalSchemaTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final ToolSpec READ =
      ToolSpec.builder("fs.read")
          .readOnly()
          .inputSchema(
              """
              {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
               "properties":{"path":{"type":"string","minLength":1},"limit":{"type":"integer","minimum":1}},
               "required":["path"],"additionalProperties":false}""")
          .build();
  private static final ToolSpec RUN =
      ToolSpec.builder("shell.run")
          .destructive()
          .inputSchema(
              """
              {"type":"object","properties":{"argv":{"type":"array","items":{"type":"string"},"minItems":1},
               "mode":{"enum":["check","apply"]}},"required":["argv"]}""")
          .build();
  private static final ToolSpec PING = ToolSpec.builder("net.ping").build();
  private static final ToolSpec DEPLOY =
      ToolSpec.builder("k8s.deployments.scale")
          .inputSchema(
              """
              {"properties":{"target":{"$ref":"#/$defs/name"},"replicas":{"type":"integer","maximum":50}},
               "required":["target","replicas"],"$defs":{"name":{"type":"string","pattern":"^[a-z0-9-]+$"}}}""")
          .build();
  private static final List<ToolSpec> TOOLS =
      List.of(SafeFileCreation.fsWriteSpec(), READ, RUN, PING, DEPLOY);
  private static final ToolRegistry REGISTRY = registry(TOOLS);
  private static final Schema EXACT = SCHEMAS.getSchema(ProposalSchema.of(TOOLS).schema().toNode());

  /** Valid arguments for each tool; the test checks each against the tool's schema first. */
  private static final Map<String, List<String>> VALID_ARGUMENTS =
      Map.of(
          "fs.write",
          List.of(
              "{\"path\":\"config.json\",\"content\":\"{}\"}", "{\"content\":\"\",\"path\":\"a\"}"),
          "fs.read",
          List.of("{\"path\":\"a.txt\"}", "{\"path\":\"a.txt\",\"limit\":10}"),
          "shell.run",
          List.of("{\"argv\":[\"ls\"]}", "{\"argv\":[\"ls\",\"-l\"],\"mode\":\"check\",\"x\":1}"),
          "net.ping",
          List.of("{}", "{\"host\":\"example.org\",\"count\":[1,2]}"),
          "k8s.deployments.scale",
          List.of("{\"target\":\"web-1\",\"replicas\":3}"));

  private static final Map<String, List<String>> INVALID_ARGUMENTS =
      Map.of(
          "fs.write",
          List.of("{\"path\":\"config.json\"}", "{\"path\":\"a\",\"content\":\"\",\"mode\":\"x\"}"),
          "fs.read",
          List.of("{\"path\":\"\"}", "{\"path\":\"a\",\"limit\":0}", "{\"limit\":3}"),
          "shell.run",
          List.of("{\"argv\":[]}", "{\"argv\":[\"ls\"],\"mode\":\"force\"}", "{\"argv\":\"ls\"}"),
          "k8s.deployments.scale",
          List.of("{\"target\":\"Web_1\",\"replicas\":3}", "{\"target\":\"web\",\"replicas\":51}"));

  static Stream<String> validReplies() {
    List<String> replies = new ArrayList<>();
    VALID_ARGUMENTS.forEach(
        (tool, examples) -> {
          for (String arguments : examples) {
            replies.add(
                "{\"next_step\":{\"tool\":\"" + tool + "\",\"arguments\":" + arguments + "}}");
            replies.add(
                "{\"next_step\":{\"goal\":\"why\",\"arguments\":"
                    + arguments
                    + ",\"tool\":\""
                    + tool
                    + "\"}}");
          }
        });
    replies.add("{\"done\":true}");
    replies.add("{\"message\":\"all done\",\"done\":true}");
    replies.add("{\"done\":true,\"message\":\"\"}");
    return replies.stream();
  }

  static Stream<String> invalidArgumentReplies() {
    List<String> replies = new ArrayList<>();
    INVALID_ARGUMENTS.forEach(
        (tool, examples) ->
            examples.forEach(
                arguments ->
                    replies.add(
                        "{\"next_step\":{\"tool\":\""
                            + tool
                            + "\",\"arguments\":"
                            + arguments
                            + "}}")));
    return replies.stream();
  }

  @ParameterizedTest
  @MethodSource("validReplies")
  void everyValidDecisionForEveryToolValidatesAgainstTheSchema(String reply) {
    DecodeResult decoded = ProtocolCodec.strict().decode(reply);
    assertThat(decoded).isInstanceOf(DecodeResult.Valid.class);
    if (((DecodeResult.Valid) decoded).decision() instanceof Decision.Proposal proposal) {
      assertThat(REGISTRY.validate(proposal.tool(), proposal.arguments())).isEmpty();
    }

    assertThat(EXACT.validate(JSON.readTree(reply))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "\"done\"",
        "{}",
        "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"a\"}},\"done\":true}",
        "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"a\"}},\"why\":\"x\"}",
        "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"a\"},\"confidence\":1}}",
        "{\"next_step\":{\"tool\":\"\",\"arguments\":{}}}",
        "{\"next_step\":{\"tool\":7,\"arguments\":{}}}",
        "{\"next_step\":{\"arguments\":{\"path\":\"a\"}}}",
        "{\"next_step\":{\"tool\":\"fs.read\"}}",
        "{\"next_step\":{\"tool\":\"net.ping\",\"arguments\":[]}}",
        "{\"next_step\":{\"tool\":\"net.ping\",\"arguments\":\"{}\"}}",
        "{\"next_step\":{\"tool\":\"net.ping\",\"arguments\":null}}",
        "{\"next_step\":{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"a\"},\"goal\":3}}",
        "{\"next_step\":[{\"tool\":\"fs.read\",\"arguments\":{\"path\":\"a\"}}]}",
        "{\"next_step\":\"fs.read\"}",
        "{\"done\":false}",
        "{\"done\":\"true\"}",
        "{\"done\":true,\"message\":42}",
        "{\"done\":true,\"result\":\"ok\"}",
        "{\"message\":\"done\"}",
      })
  void everyReplyTheCodecRejectsForShapeIsRejectedByTheSchema(String reply) {
    assertThat(ProtocolCodec.strict().decode(reply)).isInstanceOf(DecodeResult.Invalid.class);

    assertThat(EXACT.validate(JSON.readTree(reply))).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fs.delete", "FS.READ", "fs-read", "fs.read.all", "shell"})
  void proposalsOfUnknownToolsAreRejectedByTheSchema(String tool) {
    String reply = "{\"next_step\":{\"tool\":\"" + tool + "\",\"arguments\":{\"path\":\"a\"}}}";
    assertThat(ProtocolCodec.strict().decode(reply)).isInstanceOf(DecodeResult.Valid.class);
    assertThat(REGISTRY.contains(tool)).isFalse();

    assertThat(EXACT.validate(JSON.readTree(reply))).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalidArgumentReplies")
  void proposalsWithArgumentsTheToolRejectsAreRejectedByTheSchema(String reply) {
    Decision.Proposal proposal =
        (Decision.Proposal) ((DecodeResult.Valid) ProtocolCodec.strict().decode(reply)).decision();
    assertThat(REGISTRY.validate(proposal.tool(), proposal.arguments())).isNotEmpty();

    assertThat(EXACT.validate(JSON.readTree(reply))).isNotEmpty();
  }

  @Test
  void argumentsOfAnotherToolDoNotPassUnderThisToolsName() {
    String reply =
        "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"a\",\"limit\":3}}}";

    assertThat(EXACT.validate(JSON.readTree(reply))).isNotEmpty();
  }

  @Test
  void strictSchemaExistsOnlyWhenEveryToolSchemaIsStrictCompatible() {
    assertThat(ProposalSchema.of(List.of(SafeFileCreation.fsWriteSpec())).strictSchema())
        .isPresent();
    assertThat(ProposalSchema.of(List.of()).strictSchema()).isPresent();
    assertThat(ProposalSchema.of(TOOLS).strictSchema()).isEmpty();
    assertThat(ProposalSchema.of(List.of(SafeFileCreation.fsWriteSpec(), READ)).strictSchema())
        .isEmpty();
  }

  @Test
  void strictSchemaObeysStrictModeRulesEverywhere() {
    JsonNode strict = strictSchema().toNode();

    assertThat(StrictSchemas.isCompatible(strict)).isTrue();
    assertThat(strict.get("type").stringValue()).isEqualTo("object");
    assertThat(strict.has("anyOf") || strict.has("oneOf")).isFalse();
    assertThat(strict.toString()).doesNotContain("oneOf");
  }

  @Test
  void everythingTheStrictSchemaAcceptsUnwrapsToADecisionTheCodecAccepts() {
    Schema strict = SCHEMAS.getSchema(strictSchema().toNode());
    List<String> accepted =
        List.of(
            "{\"decision\":{\"next_step\":{\"tool\":\"fs.write\",\"goal\":\"g\","
                + "\"arguments\":{\"path\":\"config.json\",\"content\":\"{}\"}}}}",
            "{\"decision\":{\"done\":true,\"message\":\"m\"}}");
    List<String> rejected =
        List.of(
            "{\"next_step\":{\"tool\":\"fs.write\",\"goal\":\"g\",\"arguments\":{\"path\":\"a\",\"content\":\"\"}}}",
            "{\"decision\":{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":{\"path\":\"a\",\"content\":\"\"}}}}",
            "{\"decision\":{\"done\":true}}",
            "{\"decision\":{\"done\":true,\"message\":\"m\"},\"extra\":1}",
            "{\"decision\":{\"next_step\":{\"tool\":\"fs.read\",\"goal\":\"g\",\"arguments\":{\"path\":\"a\",\"content\":\"\"}}}}");

    for (String reply : accepted) {
      assertThat(strict.validate(JSON.readTree(reply))).as(reply).isEmpty();
      String unwrapped = ProposalSchema.unwrap(reply);
      assertThat(ProtocolCodec.strict().decode(unwrapped)).isInstanceOf(DecodeResult.Valid.class);
      assertThat(EXACT.validate(JSON.readTree(unwrapped))).isEmpty();
    }
    for (String reply : rejected) {
      assertThat(strict.validate(JSON.readTree(reply))).as(reply).isNotEmpty();
    }
  }

  @Test
  void unwrapLeavesAnythingButTheWrapperUnchanged() {
    assertThat(ProposalSchema.unwrap("{\"decision\":{\"done\":true}}"))
        .isEqualTo("{\"done\":true}");
    for (String text :
        List.of(
            "{\"done\":true}", "{\"decision\":1,\"x\":2}", "not json", "", "[MODEL_REFUSED] x")) {
      assertThat(ProposalSchema.unwrap(text)).isEqualTo(text);
    }
  }

  @Test
  void toolSchemasAreEmbeddedWithoutTheirDialectAndAlwaysAsObjects() {
    JsonNode exact = ProposalSchema.of(TOOLS).schema().toNode();
    JsonNode read = exact.at("/oneOf/1/properties/next_step/properties/arguments");
    JsonNode ping = exact.at("/oneOf/3/properties/next_step/properties/arguments");
    JsonNode deploy = exact.at("/oneOf/4/properties/next_step/properties/arguments");

    assertThat(read.has("$schema")).isFalse();
    assertThat(ping.get("type").stringValue()).isEqualTo("object");
    assertThat(deploy.get("$id").stringValue()).isEqualTo("urn:xct:tool:k8s.deployments.scale");
    assertThat(TOOLS.get(0).inputSchema().toNode().has("$id")).isFalse();
  }

  private static JsonValue strictSchema() {
    return ProposalSchema.of(List.of(SafeFileCreation.fsWriteSpec())).strictSchema().orElseThrow();
  }

  private static ToolRegistry registry(List<ToolSpec> specs) {
    ToolRegistry.Builder builder = ToolRegistry.builder();
    for (ToolSpec spec : specs) {
      builder.add(
          new Tool() {
            @Override
            public ToolSpec spec() {
              return spec;
            }

            @Override
            public Result execute(
                dev.xct.core.tool.ToolCall call, dev.xct.core.tool.ToolContext c) {
              return Result.success(Map.of());
            }
          });
    }
    return builder.build();
  }
}
