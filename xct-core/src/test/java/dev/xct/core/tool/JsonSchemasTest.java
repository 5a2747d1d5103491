package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Result;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSchemasTest {
  public enum Color {
    RED,
    GREEN
  }

  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  record Inner(long v) {}

  // One record per supported component type; the component is always called "v".
  record Str(String v) {}

  record Bool(boolean v) {}

  record BoxedBool(Boolean v) {}

  record Int(int v) {}

  record Lng(Long v) {}

  record Shrt(short v) {}

  record BigInt(BigInteger v) {}

  record Dbl(double v) {}

  record Flt(Float v) {}

  record Dec(BigDecimal v) {}

  record Enm(Color v) {}

  record Lst(List<String> v) {}

  record Coll(Collection<Boolean> v) {}

  record St(Set<Integer> v) {}

  record Mp(Map<String, Double> v) {}

  record Nested(Inner v) {}

  record NestedList(List<Inner> v) {}

  record ListOfLists(List<List<String>> v) {}

  record Wildcard(List<? extends Inner> v) {}

  record Any(JsonValue v) {}

  record Opt(Optional<String> v) {}

  record OptRecord(Optional<Inner> v) {}

  record OptInt(OptionalInt v) {}

  record OptLong(OptionalLong v) {}

  record OptDouble(OptionalDouble v) {}

  record NullableLocal(@Nullable String v) {}

  record NullableJspecify(@org.jspecify.annotations.Nullable String v) {}

  static Stream<Arguments> supportedTypes() {
    String inner =
        "{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"integer\"}},"
            + "\"required\":[\"v\"],\"additionalProperties\":false}";
    return Stream.of(
        Arguments.of(Str.class, "{\"type\":\"string\"}", true),
        Arguments.of(Bool.class, "{\"type\":\"boolean\"}", true),
        Arguments.of(BoxedBool.class, "{\"type\":\"boolean\"}", true),
        Arguments.of(Int.class, "{\"type\":\"integer\"}", true),
        Arguments.of(Lng.class, "{\"type\":\"integer\"}", true),
        Arguments.of(Shrt.class, "{\"type\":\"integer\"}", true),
        Arguments.of(BigInt.class, "{\"type\":\"integer\"}", true),
        Arguments.of(Dbl.class, "{\"type\":\"number\"}", true),
        Arguments.of(Flt.class, "{\"type\":\"number\"}", true),
        Arguments.of(Dec.class, "{\"type\":\"number\"}", true),
        Arguments.of(Enm.class, "{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}", true),
        Arguments.of(Lst.class, "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", true),
        Arguments.of(Coll.class, "{\"type\":\"array\",\"items\":{\"type\":\"boolean\"}}", true),
        Arguments.of(
            St.class,
            "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true}",
            true),
        Arguments.of(
            Mp.class, "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\"}}", true),
        Arguments.of(Nested.class, inner, true),
        Arguments.of(NestedList.class, "{\"type\":\"array\",\"items\":" + inner + "}", true),
        Arguments.of(
            ListOfLists.class,
            "{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}",
            true),
        Arguments.of(Wildcard.class, "{\"type\":\"array\",\"items\":" + inner + "}", true),
        Arguments.of(Any.class, "{}", true),
        Arguments.of(Opt.class, "{\"type\":\"string\"}", false),
        Arguments.of(OptRecord.class, inner, false),
        Arguments.of(OptInt.class, "{\"type\":\"integer\"}", false),
        Arguments.of(OptLong.class, "{\"type\":\"integer\"}", false),
        Arguments.of(OptDouble.class, "{\"type\":\"number\"}", false),
        Arguments.of(NullableLocal.class, "{\"type\":\"string\"}", false),
        Arguments.of(NullableJspecify.class, "{\"type\":\"string\"}", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supportedTypes")
  void mapsEachSupportedComponentType(
      Class<? extends Record> type, String propertySchema, boolean required) {
    JsonValue schema = JsonSchemas.forRecord(type);

    assertThat(schema.at("/properties/v")).contains(JsonValue.parse(propertySchema));
    assertThat(schema.at("/type")).contains(JsonValue.from("object"));
    assertThat(schema.at("/additionalProperties")).contains(JsonValue.from(false));
    assertThat(schema.at("/required"))
        .isEqualTo(required ? Optional.of(JsonValue.parse("[\"v\"]")) : Optional.empty());
  }

  /** Public, with its components, because a tool is built from it: Jackson must construct it. */
  public record Order(
      @Description("Order number") String id,
      List<Line> lines,
      Optional<String> note,
      Map<String, Integer> tags) {}

  public record Line(String name, int quantity, Color color) {}

  @Test
  void generatesAStrictObjectSchemaInComponentOrderWithDescriptions() {
    assertThat(JsonSchemas.forRecord(Order.class).toJson())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{"
                + "\"id\":{\"type\":\"string\",\"description\":\"Order number\"},"
                + "\"lines\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
                + "\"name\":{\"type\":\"string\"},\"quantity\":{\"type\":\"integer\"},"
                + "\"color\":{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}},"
                + "\"required\":[\"name\",\"quantity\",\"color\"],\"additionalProperties\":false}},"
                + "\"note\":{\"type\":\"string\"},"
                + "\"tags\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}},"
                + "\"required\":[\"id\",\"lines\",\"tags\"],\"additionalProperties\":false}");
  }

  record Empty() {}

  @Test
  void anEmptyRecordAcceptsOnlyTheEmptyObject() {
    assertThat(JsonSchemas.forRecord(Empty.class))
        .isEqualTo(
            JsonValue.parse(
                "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"));
  }

  static Stream<Arguments> instances() {
    String valid =
        "{\"id\":\"1\",\"lines\":[{\"name\":\"a\",\"quantity\":2,\"color\":\"RED\"}],\"tags\":{}}";
    return Stream.of(
        Arguments.of(valid, List.of()),
        Arguments.of("{\"id\":\"1\",\"lines\":[],\"tags\":{\"x\":1},\"note\":\"n\"}", List.of()),
        Arguments.of("{\"lines\":[],\"tags\":{}}", List.of(tuple("/id", "required"))),
        Arguments.of(
            "{\"id\":\"1\",\"lines\":[],\"tags\":{},\"extra\":0}",
            List.of(tuple("/extra", "additionalProperties"))),
        Arguments.of("{\"id\":1,\"lines\":[],\"tags\":{}}", List.of(tuple("/id", "type"))),
        Arguments.of(
            "{\"id\":\"1\",\"lines\":[],\"tags\":{},\"note\":null}",
            List.of(tuple("/note", "type"))),
        Arguments.of(
            "{\"id\":\"1\",\"lines\":[{\"name\":\"a\",\"quantity\":2.5,\"color\":\"BLUE\",\"x\":1}],"
                + "\"tags\":{\"k\":\"v\"}}",
            List.of(
                tuple("/lines/0/quantity", "type"),
                tuple("/lines/0/color", "enum"),
                tuple("/lines/0/x", "additionalProperties"),
                tuple("/tags/k", "type"))));
  }

  @ParameterizedTest
  @MethodSource("instances")
  void theGeneratedSchemaCompilesAndValidatesThroughTheRegistry(
      String arguments, List<org.assertj.core.groups.Tuple> expected) {
    ToolRegistry registry =
        ToolRegistry.of(Tools.typed("orders.put", "", Order.class, (a, c) -> Result.success(a)));

    assertThat(registry.validate("orders.put", JsonValue.parse(arguments)))
        .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void mergesRefinementsIntoTheComponentAtEachDottedPath() {
    JsonValue schema =
        JsonSchemas.forRecord(
            Order.class,
            Map.of(
                "id", JsonValue.parse("{\"pattern\":\"^[0-9]+$\",\"description\":\"Digits\"}"),
                "lines", JsonValue.parse("{\"minItems\":1}"),
                "lines.quantity", JsonValue.parse("{\"minimum\":1}")));

    assertThat(schema.at("/properties/id"))
        .contains(
            JsonValue.parse(
                "{\"type\":\"string\",\"description\":\"Digits\",\"pattern\":\"^[0-9]+$\"}"));
    assertThat(schema.at("/properties/lines/minItems")).contains(JsonValue.from(1));
    assertThat(schema.at("/properties/lines/items/properties/quantity"))
        .contains(JsonValue.parse("{\"type\":\"integer\",\"minimum\":1}"));
  }

  @Test
  void refusesARefinementThatNamesNoComponentOrIsNoObject() {
    assertThatThrownBy(
            () ->
                JsonSchemas.forRecord(Order.class, Map.of("lines.price", JsonValue.emptyObject())))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'lines.price'");
    assertThatThrownBy(() -> JsonSchemas.forRecord(Order.class, Map.of("id", JsonValue.from(1))))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'id'");
  }

  record WithObject(Object v) {}

  record WithArray(int[] v) {}

  record WithIntKeys(Map<Integer, String> v) {}

  record WithChar(char v) {}

  record Generic<T>(T v) {}

  record Node(String name, List<Node> children) {}

  record Deep(Optional<List<WithObject>> v) {}

  static Stream<Arguments> unsupportedTypes() {
    return Stream.of(
        Arguments.of(WithObject.class, "'v'"),
        Arguments.of(WithArray.class, "'v'"),
        Arguments.of(WithIntKeys.class, "'v'"),
        Arguments.of(WithChar.class, "'v'"),
        Arguments.of(Generic.class, "'v'"),
        Arguments.of(Node.class, "contains itself"),
        Arguments.of(Deep.class, "'v.v'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedTypes")
  void refusesTypesItCannotDescribeNamingTheComponent(Class<? extends Record> type, String naming) {
    assertThatThrownBy(() -> JsonSchemas.forRecord(type))
        .isInstanceOf(XctException.class)
        .hasMessageContaining(naming);
  }

  @Test
  void theSameRecordMayAppearTwiceWithoutBeingRecursive() {
    record Pair(Inner left, Inner right, List<Inner> more) {}

    assertThat(JsonSchemas.forRecord(Pair.class).at("/properties/right/type"))
        .contains(JsonValue.from("object"));
  }
}
