package dev.xct.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.ProtocolTable.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** Proves that the codec and the published schemas say the same thing. */
class ProtocolSchemaAgreementTest {
  private static final ProtocolCodec CODEC = ProtocolCodec.strict();

  static Stream<Case> schemaCases() {
    return ProtocolTable.cases().stream().filter(c -> !c.parseLevel());
  }

  static Stream<Case> parseLevelCases() {
    return ProtocolTable.cases().stream().filter(Case::parseLevel);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaCases")
  void codecAcceptsExactlyWhenTheReplySchemaAccepts(Case c) {
    JsonNode tree = SchemaCheck.parsePlain(c.reply());
    List<String> violations = SchemaCheck.violations(SchemaCheck.REPLY, tree);
    boolean codecAccepts = CODEC.decode(c.reply()) instanceof DecodeResult.Valid;

    assertThat(codecAccepts).as("codec accepts").isEqualTo(c.accepted());
    assertThat(violations.isEmpty())
        .as("schema accepts (violations: %s)", violations)
        .isEqualTo(codecAccepts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseLevelCases")
  void parseLevelCasesAreRejectedWithAParseLevelCode(Case c) {
    DecodeResult result = CODEC.decode(c.reply());

    assertThat(result).isInstanceOf(DecodeResult.Invalid.class);
    String code = ((DecodeResult.Invalid) result).failure().code();
    assertThat(code).isEqualTo(c.code()).isIn(ProtocolTable.PARSE_LEVEL_CODES);
  }

  @Test
  void schemaAndCodecAgreeOnBlankToolNamesForEveryCharacter() {
    Schema toolSchema = subschema("/$defs/nextStep/properties/tool");
    List<String> disagreements = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.isSurrogate(c)) {
        continue;
      }
      String name = String.valueOf(c);
      boolean schemaAccepts = toolSchema.validate(StringNode.valueOf(name)).isEmpty();
      String reply =
          "{\"next_step\":{\"tool\":" + JsonValue.from(name).toJson() + ",\"arguments\":{}}}";
      boolean codecAccepts = CODEC.decode(reply) instanceof DecodeResult.Valid;
      if (schemaAccepts != codecAccepts || codecAccepts == name.isBlank()) {
        disagreements.add(String.format("U+%04X", (int) c));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void schemaAndCodecAgreeOnToolNameLengthInCodePoints() {
    Schema toolSchema = subschema("/$defs/nextStep/properties/tool");
    for (String unit : List.of("t", "\u00e9", "\uD83D\uDE00")) {
      for (int n : new int[] {199, 200, 201}) {
        String name = unit.repeat(n);
        boolean schemaAccepts = toolSchema.validate(StringNode.valueOf(name)).isEmpty();
        String reply = CODEC.encode(Decision.propose(name, JsonValue.emptyObject(), "")).toString();
        boolean codecAccepts = CODEC.decode(reply) instanceof DecodeResult.Valid;
        assertThat(schemaAccepts).as("%d × %s", n, unit).isEqualTo(codecAccepts);
        assertThat(codecAccepts).isEqualTo(n <= ProtocolCodec.MAX_TOOL_NAME_LENGTH);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("results")
  void everyEncodedResultMatchesTheResponseSchema(Result result) {
    JsonNode wire = CODEC.toWire(result).toNode();

    assertThat(SchemaCheck.violations(SchemaCheck.RESPONSE, wire)).isEmpty();
    assertThat(SchemaCheck.parsePlain(CODEC.encode(result))).isEqualTo(wire);
  }

  static Stream<Result> results() {
    Stream<Result> values =
        Stream.of(
            Result.success(null),
            Result.success("text"),
            Result.success(42),
            Result.success(List.of(1, "two", Map.of())),
            Result.success(Map.of("status", "error", "nested", Map.of("a", List.of()))),
            Result.success(JsonValue.parse("{\"big\":123456789012345678901234567890}")),
            Result.failure("X", ""),
            Result.failure("TOOL_CRASHED", "the tool failed", Map.of("tool", "fs.read")),
            Result.failure("A1_B2", "m", Map.of()));
    Stream<Result> everyDecodeFailure =
        ProtocolTable.cases().stream()
            .map(c -> CODEC.decode(c.reply()))
            .filter(DecodeResult.Invalid.class::isInstance)
            .map(r -> ((DecodeResult.Invalid) r).failure());
    return Stream.concat(values, everyDecodeFailure);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedResponses")
  void responseSchemaRejectsWhatTheEncoderNeverProduces(String response) {
    JsonNode node = SchemaCheck.parsePlain(response);

    assertThat(SchemaCheck.violations(SchemaCheck.RESPONSE, node)).isNotEmpty();
  }

  static Stream<String> malformedResponses() {
    return Stream.of(
            "{}",
            "{'status':'success'}",
            "{'status':'success','result':1,'code':'X'}",
            "{'status':'error','message':'m'}",
            "{'status':'error','code':'lower','message':'m'}",
            "{'status':'error','code':'ABC\\n','message':'m'}",
            "{'status':'error','code':'A__B','message':'m'}",
            "{'status':'error','code':'X','message':'m','details':{}}",
            "{'status':'error','code':'X','message':'m','details':[]}",
            "{'status':'error','code':'X','message':1}",
            "{'status':'ok','result':1}",
            "[]")
        .map(ProtocolTable::q);
  }

  @Test
  void bothSchemasAreValidDraft202012Schemas() {
    Schema meta =
        SchemaCheck.REGISTRY.getSchema(
            SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (JsonValue schema :
        List.of(ProtocolSchemas.modelReply(), ProtocolSchemas.systemResponse())) {
      assertThat(SchemaCheck.violations(meta, schema.toNode())).isEmpty();
      assertThat(schema.get("$schema").flatMap(JsonValue::asString))
          .contains("https://json-schema.org/draft/2020-12/schema");
    }
  }

  @Test
  void replySchemaStatesTheCodecsToolNameLimit() {
    JsonValue tool = ProtocolSchemas.modelReply().at("/$defs/nextStep/properties/tool").get();

    assertThat(tool.get("maxLength")).contains(JsonValue.from(ProtocolCodec.MAX_TOOL_NAME_LENGTH));
  }

  private static Schema subschema(String pointer) {
    JsonValue schema = ProtocolSchemas.modelReply().at(pointer).orElseThrow();
    return SchemaCheck.compile(schema);
  }
}
