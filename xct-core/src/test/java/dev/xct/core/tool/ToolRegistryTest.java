package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolRegistryTest {
  private static final String ORDER_SCHEMA =
      """
      {"type":"object",
       "properties":{
         "id":{"type":"string"},
         "items":{"type":"array","items":{
           "type":"object","properties":{"name":{"type":"string"}},"required":["name"]}},
         "a/b":{"type":"integer"},
         "m~n":{"type":"boolean"},
         "~1":{"type":"null"}},
       "required":["id"],
       "additionalProperties":false}
      """;

  /** A tool that only describes itself; the registry never calls execute. */
  record DescribedTool(ToolSpec spec) implements Tool {
    static DescribedTool of(String name, String schema) {
      return new DescribedTool(ToolSpec.builder(name).inputSchema(schema).build());
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      return Result.success("unused");
    }
  }

  @Test
  void keepsToolsInRegistrationOrderAndFindsThemByName() {
    Tool read = DescribedTool.of("fs.read", "{}");
    Tool write = DescribedTool.of("fs.write", "{}");

    ToolRegistry registry = ToolRegistry.builder().add(write).addAll(List.of(read)).build();

    assertThat(registry.size()).isEqualTo(2);
    assertThat(registry.specs()).extracting(ToolSpec::name).containsExactly("fs.write", "fs.read");
    assertThat(registry.find("fs.read")).containsSame(read);
    assertThat(registry.spec("fs.write")).contains(write.spec());
    assertThat(registry.contains("fs.write")).isTrue();
    assertThat(registry.contains("fs.delete")).isFalse();
    assertThat(registry.find(null)).isEmpty();
    assertThat(ToolRegistry.empty().size()).isZero();
  }

  @Test
  void plusAddsToolsAfterTheRegistrysOwnAndLeavesItUnchanged() {
    Tool read = DescribedTool.of("fs.read", "{}");
    Tool write = DescribedTool.of("fs.write", "{}");
    ToolRegistry base = ToolRegistry.of(read);

    ToolRegistry both = base.plus(List.of(write));

    assertThat(both.specs()).extracting(ToolSpec::name).containsExactly("fs.read", "fs.write");
    assertThat(both.find("fs.write")).containsSame(write);
    assertThat(base.specs()).extracting(ToolSpec::name).containsExactly("fs.read");
    assertThat(base.plus(List.of())).isSameAs(base);
    assertThatThrownBy(() -> both.plus(List.of(DescribedTool.of("fs.read", "{}"))))
        .isInstanceOf(XctException.class)
        .hasMessage("duplicate tool name 'fs.read'");
  }

  @Test
  void refusesADuplicateNameNamingTheTool() {
    assertThatThrownBy(
            () ->
                ToolRegistry.of(
                    DescribedTool.of("fs.read", "{}"), DescribedTool.of("fs.read", "{}")))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'fs.read'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"nope\"}",
        "{\"type\":[\"string\",\"nope\"]}",
        "{\"minLength\":\"x\"}",
        "{\"properties\":5}",
        "{\"required\":\"id\"}",
        "{\"properties\":{\"a\":{\"type\":\"nope\"}}}",
        "{\"$ref\":\"#/nowhere\"}",
        "{\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}",
        "{\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"([a-z\"}}}",
        "{\"$schema\":\"https://json-schema.org/draft/1999-01/schema\"}"
      })
  void refusesAnInvalidSchemaAtBuildNamingTheTool(String schema) {
    assertThatThrownBy(() -> ToolRegistry.of(DescribedTool.of("orders.get", schema)))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'orders.get'");
  }

  @Test
  void refusesAToolWhoseArgumentsCouldNeverBeAnObjectNamingTheTool() {
    assertThatThrownBy(
            () -> ToolRegistry.of(DescribedTool.of("orders.ids", "{\"type\":\"array\"}")))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'orders.ids'")
        .hasMessageContaining("always a JSON object");
  }

  @Test
  void explainsWhereAnInvalidSchemaIsWrong() {
    assertThatThrownBy(
            () ->
                ToolRegistry.of(
                    DescribedTool.of("orders.get", "{\"properties\":{\"a\":{\"type\":\"nope\"}}}")))
        .hasMessageContaining("'/properties/a/type'");
  }

  @Test
  void acceptsASchemaOfAnotherDraftThatNamesItself() {
    ToolRegistry registry =
        ToolRegistry.of(
            DescribedTool.of(
                "legacy",
                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
                    + "\"type\":\"object\",\"definitions\":{\"n\":{\"type\":\"integer\"}},"
                    + "\"properties\":{\"n\":{\"$ref\":\"#/definitions/n\"}}}"));

    assertThat(registry.validate("legacy", JsonValue.parse("{\"n\":\"x\"}")))
        .extracting(SchemaViolation::pointer)
        .containsExactly("/n");
  }

  @Test
  void reportsEveryViolationWithItsJsonPointer() {
    ToolRegistry registry = ToolRegistry.of(DescribedTool.of("orders.put", ORDER_SCHEMA));
    JsonValue arguments =
        JsonValue.parse(
            "{\"items\":[{\"name\":\"a\"},{},{\"name\":3}],\"a/b\":\"x\",\"m~n\":1,\"~1\":0,"
                + "\"extra\":true}");

    List<SchemaViolation> violations = registry.validate("orders.put", arguments);

    assertThat(violations)
        .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/id", "required"),
            tuple("/items/1/name", "required"),
            tuple("/items/2/name", "type"),
            tuple("/a~1b", "type"),
            tuple("/m~0n", "type"),
            tuple("/~01", "type"),
            tuple("/extra", "additionalProperties"));
    assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
  }

  @Test
  void reportsNothingForValidArguments() {
    ToolRegistry registry = ToolRegistry.of(DescribedTool.of("orders.put", ORDER_SCHEMA));

    assertThat(
            registry.validate(
                "orders.put", JsonValue.parse("{\"id\":\"7\",\"items\":[{\"name\":\"a\"}]}")))
        .isEmpty();
  }

  @Test
  void pointsAtTheMissingMemberOfADependentRequirement() {
    ToolRegistry registry =
        ToolRegistry.of(
            DescribedTool.of(
                "pay",
                "{\"dependentRequired\":{\"card\":[\"cvc\"]},\"propertyNames\":{\"maxLength\":4}}"));

    assertThat(registry.validate("pay", JsonValue.parse("{\"card\":\"1\",\"toolong\":1}")))
        .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/cvc", "dependentRequired"), tuple("/toolong", "propertyNames"));
  }

  @Test
  void validatingForAnUnknownToolIsAProgrammingError() {
    assertThatThrownBy(() -> ToolRegistry.empty().validate("nope", JsonValue.emptyObject()))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'nope'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"$ref\":\"http://127.0.0.1:PORT/x.json\"}",
        "{\"properties\":{\"a\":{\"$ref\":\"http://127.0.0.1:PORT/x.json#/a\"}}}",
        "{\"$id\":\"http://127.0.0.1:PORT/root.json\",\"$ref\":\"other.json\"}",
        "{\"$schema\":\"http://127.0.0.1:PORT/meta.json\",\"type\":\"object\"}"
      })
  void neverFetchesARemoteSchema(String template) throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String schema = template.replace("PORT", Integer.toString(server.getLocalPort()));

      assertThatThrownBy(() -> ToolRegistry.of(DescribedTool.of("remote", schema)))
          .isInstanceOf(XctException.class)
          .hasMessageContaining("'remote'");

      // Loading is synchronous: a fetch would already sit in the accept queue.
      server.setSoTimeout(200);
      assertThatThrownBy(() -> server.accept().close()).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void refusesAToolWhoseSpecIsNull() {
    Tool broken =
        new Tool() {
          @Override
          public ToolSpec spec() {
            return null;
          }

          @Override
          public Result execute(ToolCall call, ToolContext context) {
            return Result.success("unused");
          }
        };

    assertThatThrownBy(() -> ToolRegistry.of(broken))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("null spec");
  }
}
