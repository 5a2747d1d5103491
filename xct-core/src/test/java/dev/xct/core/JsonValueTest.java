package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.ObjectNode;

public class JsonValueTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  public record Point(int x, int y) {}

  public record Labelled(String label, Optional<String> note, List<Point> points) {}

  public record Inner(long v) {}

  public record Outer(String name, Inner inner, Optional<Integer> limit, JsonValue payload) {}

  @Test
  void mutatingTheNodeGivenToOfNeverChangesTheValue() {
    ObjectNode node = MAPPER.createObjectNode();
    node.putObject("inner").put("x", 1);
    JsonValue value = JsonValue.of(node);

    node.put("added", true);
    ((ObjectNode) node.get("inner")).put("x", 2);

    assertThat(value.toJson()).isEqualTo("{\"inner\":{\"x\":1}}");
  }

  @Test
  void mutatingTheNodeReturnedByToNodeNeverChangesTheValue() {
    JsonValue value = JsonValue.parse("{\"inner\":{\"x\":1},\"list\":[1]}");

    ObjectNode copy = (ObjectNode) value.toNode();
    copy.put("added", true);
    ((ObjectNode) copy.get("inner")).put("x", 2);
    copy.withArray("list").add(2);

    assertThat(value.toJson()).isEqualTo("{\"inner\":{\"x\":1},\"list\":[1]}");
  }

  @Test
  void mutatingANodeInsideAConvertedMapNeverChangesTheValue() {
    ObjectNode inner = MAPPER.createObjectNode().put("x", 1);
    JsonValue value = JsonValue.from(Map.of("k", inner));

    inner.put("x", 2);

    assertThat(value).isEqualTo(JsonValue.parse("{\"k\":{\"x\":1}}"));
  }

  // Records of scalars only, which Jackson turns into trees of their own.
  public record Spot(int x, Integer y, String label) {}

  public record Segment(Spot from, Spot to, BigDecimal length) {}

  @Test
  void recordsOfScalarsConvertAsBefore() {
    JsonValue value =
        JsonValue.from(
            new Segment(new Spot(1, null, "a"), new Spot(2, 3, "b"), new BigDecimal("1.50")));

    assertThat(value.toJson())
        .isEqualTo(
            "{\"from\":{\"x\":1,\"y\":null,\"label\":\"a\"},"
                + "\"to\":{\"x\":2,\"y\":3,\"label\":\"b\"},\"length\":1.50}");
  }

  @Test
  void equalityIgnoresMemberOrderAtEveryDepth() {
    JsonValue a = JsonValue.parse("{\"a\":1,\"b\":{\"c\":[{\"d\":1,\"e\":2}],\"f\":null}}");
    JsonValue b = JsonValue.parse("{\"b\":{\"f\":null,\"c\":[{\"e\":2,\"d\":1}]},\"a\":1}");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|1.0",
        "1|1e0",
        "100|1E+2",
        "1.5|1.50",
        "1.5|15e-1",
        "0|-0.0",
        "{\"a\":[1,2]}|{\"a\":[1.0,2.00]}",
        "123456789012345678901234567890|1.2345678901234567890123456789e29",
        "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000000000000000000000000000000000000000000000|1e150"
      })
  void equalValuesHaveEqualCanonicalTextAndHash(String left, String right) {
    JsonValue a = JsonValue.parse(left);
    JsonValue b = JsonValue.parse(right);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toCanonicalJson()).isEqualTo(b.toCanonicalJson());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|\"1\"",
        "[1,2]|[2,1]",
        "{\"a\":1}|{\"a\":1,\"b\":null}",
        "null|{}",
        "0.1|0.10000000000000000001",
        "true|1"
      })
  void differentValuesAreNotEqual(String left, String right) {
    assertThat(JsonValue.parse(left)).isNotEqualTo(JsonValue.parse(right));
    assertThat(JsonValue.parse(left).toCanonicalJson())
        .isNotEqualTo(JsonValue.parse(right).toCanonicalJson());
  }

  @Test
  void javaNumbersOfDifferentTypesEqualTheParsedNumber() {
    assertThat(JsonValue.from(1L)).isEqualTo(JsonValue.parse("1"));
    assertThat(JsonValue.from(BigInteger.ONE)).isEqualTo(JsonValue.parse("1"));
    assertThat(JsonValue.from(0.1)).isEqualTo(JsonValue.parse("0.1"));
    assertThat(JsonValue.from(0.1f)).isEqualTo(JsonValue.parse("0.1"));
    assertThat(JsonValue.from(new BigDecimal("2.50"))).isEqualTo(JsonValue.parse("2.5"));
  }

  @Test
  void canonicalJsonSortsMembersAtEveryDepthAndIsCompact() {
    JsonValue value =
        JsonValue.parse("{ \"b\": {\"d\": 1, \"c\": [ {\"f\": 1, \"e\": 2} ]}, \"a\": 0 }");

    assertThat(value.toCanonicalJson())
        .isEqualTo("{\"a\":0,\"b\":{\"c\":[{\"e\":2,\"f\":1}],\"d\":1}}");
    assertThat(value.toJson()).isEqualTo("{\"b\":{\"d\":1,\"c\":[{\"f\":1,\"e\":2}]},\"a\":0}");
  }

  @Test
  void canonicalJsonSortsByUtf16CodeUnitsAndEscapesControlCharacters() {
    JsonValue value = JsonValue.parse("{\"é\":1,\"Z\":2,\"a\":\"line\\nbreak\\u0000\"}");

    assertThat(value.toCanonicalJson())
        .isEqualTo("{\"Z\":2,\"a\":\"line\\nbreak\\u0000\",\"é\":1}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123456789012345678901234567890123456789",
        "-98765432109876543210.123456789012345678901234567891",
        "0.1000000000000000000000000001"
      })
  void bigIntegersAndDecimalsArePreservedExactly(String number) {
    JsonValue value = JsonValue.parse("{\"n\":" + number + "}");

    assertThat(value.toJson()).isEqualTo("{\"n\":" + number + "}");
    assertThat(value.toCanonicalJson()).isEqualTo("{\"n\":" + number + "}");
    assertThat(value.bind(BigNumbers.class).n()).isEqualByComparingTo(new BigDecimal(number));
  }

  public record BigNumbers(BigDecimal n) {}

  @Test
  void hugeExponentsStayInScientificFormInsteadOfExpanding() {
    assertThat(JsonValue.parse("1e999999999").toCanonicalJson()).isEqualTo("1E+999999999");
    assertThat(JsonValue.parse("2.50e-999999").toCanonicalJson()).isEqualTo("2.5E-999999");
  }

  @Test
  void fromConvertsMapsListsRecordsAndNull() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("s", "x");
    map.put("n", 3);
    map.put("list", List.of(true, "y"));
    map.put("nothing", null);

    assertThat(JsonValue.from(map))
        .isEqualTo(JsonValue.parse("{\"s\":\"x\",\"n\":3,\"list\":[true,\"y\"],\"nothing\":null}"));
    assertThat(JsonValue.from(List.of(1, 2))).isEqualTo(JsonValue.parse("[1,2]"));
    assertThat(JsonValue.from(new Point(1, 2))).isEqualTo(JsonValue.parse("{\"x\":1,\"y\":2}"));
    assertThat(JsonValue.from(null)).isEqualTo(JsonValue.nullValue());
    assertThat(JsonValue.from(null).isNull()).isTrue();
  }

  @Test
  void fromWritesANestedJsonValueAsTheJsonItHolds() {
    JsonValue inner = JsonValue.parse("{\"x\":[1,2]}");

    JsonValue value = JsonValue.from(Map.of("inner", inner));

    assertThat(value).isEqualTo(JsonValue.parse("{\"inner\":{\"x\":[1,2]}}"));
  }

  @Test
  void fromWritesAnEmptyOptionalInARecordAsNull() {
    JsonValue value = JsonValue.from(new Labelled("a", Optional.empty(), List.of()));

    assertThat(value).isEqualTo(JsonValue.parse("{\"label\":\"a\",\"note\":null,\"points\":[]}"));
  }

  @Test
  void fromAndOfRefuseNanAndInfinity() {
    assertThatThrownBy(() -> JsonValue.from(Double.NaN)).isInstanceOf(XctException.class);
    assertThatThrownBy(() -> JsonValue.from(Map.of("x", Double.POSITIVE_INFINITY)))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> JsonValue.of(DoubleNode.valueOf(Double.NaN)))
        .isInstanceOf(XctException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1,\"a\":2}",
        "{\"x\":{\"a\":1,\"a\":1}}",
        "{} {}",
        "1 2",
        "{}x",
        "[1]]",
        "",
        "   ",
        "{\"a\":}",
        "NaN"
      })
  void parseRejectsAnythingButExactlyOneJsonValue(String text) {
    assertThatThrownBy(() -> JsonValue.parse(text))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("not valid JSON");
  }

  @Test
  void getAndAtReadMembersWithoutExposingTheTree() {
    JsonValue value = JsonValue.parse("{\"argv\":[\"ls\",\"-l\"],\"a/b\":{\"c~d\":true}}");

    assertThat(value.get("argv").map(JsonValue::toJson)).contains("[\"ls\",\"-l\"]");
    assertThat(value.get("missing")).isEmpty();
    assertThat(value.at("/argv/1").flatMap(JsonValue::asString)).contains("-l");
    assertThat(value.at("/a~1b/c~0d").map(JsonValue::toJson)).contains("true");
    assertThat(value.at("/argv/7")).isEmpty();
    assertThat(value.at("")).contains(value);
    assertThatThrownBy(() -> value.at("argv")).isInstanceOf(XctException.class);
  }

  @Test
  void bindReadsRecordsWithNestedRecordsOptionalsAndJsonValues() {
    JsonValue value =
        JsonValue.parse(
            "{\"name\":\"n\",\"inner\":{\"v\":3.0},\"payload\":{\"any\":[1,\"x\"]},\"limit\":5}");

    Outer outer = value.bind(Outer.class);

    assertThat(outer.name()).isEqualTo("n");
    assertThat(outer.inner().v()).isEqualTo(3L);
    assertThat(outer.limit()).contains(5);
    assertThat(outer.payload()).isEqualTo(JsonValue.parse("{\"any\":[1,\"x\"]}"));
  }

  @Test
  void bindLeavesOmittedOptionalsEmptyAndTakesNullForAJsonValue() {
    Outer outer =
        JsonValue.parse("{\"name\":\"n\",\"inner\":{\"v\":1},\"payload\":null}").bind(Outer.class);

    assertThat(outer.limit()).isEmpty();
    assertThat(outer.payload().isNull()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":\"n\",\"inner\":{\"v\":1},\"payload\":1,\"extra\":1}|/extra",
        "{\"inner\":{\"v\":1},\"payload\":1}|/name",
        "{\"name\":null,\"inner\":{\"v\":1},\"payload\":1}|/name",
        "{\"name\":\"n\",\"inner\":{},\"payload\":1}|/inner/v",
        "{\"name\":\"n\",\"inner\":{\"v\":1.5},\"payload\":1}|/inner/v",
        "{\"name\":\"n\",\"inner\":{\"v\":\"1\"},\"payload\":1}|/inner/v",
        "{\"name\":\"n\",\"inner\":{\"v\":99999999999999999999},\"payload\":1}|/inner/v",
        "{\"name\":5,\"inner\":{\"v\":1},\"payload\":1}|/name",
        "{\"name\":\"n\",\"inner\":{\"v\":1},\"payload\":1,\"limit\":\"x\"}|/limit"
      })
  void bindFailsStrictlyAndNamesThePointer(String json, String pointer) {
    assertThatThrownBy(() -> JsonValue.parse(json).bind(Outer.class))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("at '" + pointer + "'");
  }

  @Retention(RetentionPolicy.RUNTIME)
  public @interface Nullable {}

  public record WithNullable(String name, @Nullable String note) {}

  @Test
  void bindLeavesAnOmittedNullableComponentNullAndAcceptsAnExplicitNull() {
    assertThat(JsonValue.parse("{\"name\":\"a\"}").bind(WithNullable.class).note()).isNull();
    assertThat(JsonValue.parse("{\"name\":\"a\",\"note\":null}").bind(WithNullable.class).note())
        .isNull();
    assertThatThrownBy(() -> JsonValue.parse("{\"note\":\"n\"}").bind(WithNullable.class))
        .hasMessageContaining("at '/name'");
  }

  public record WithJspecifyNullable(String name, @org.jspecify.annotations.Nullable String note) {}

  @Test
  void bindLeavesAnOmittedJspecifyNullableComponentNull() {
    assertThat(JsonValue.parse("{\"name\":\"a\"}").bind(WithJspecifyNullable.class).note())
        .isNull();
    assertThatThrownBy(() -> JsonValue.parse("{\"note\":\"n\"}").bind(WithJspecifyNullable.class))
        .hasMessageContaining("at '/name'");
  }

  @Test
  void emptyObjectAndNullValueAreWhatTheySay() {
    assertThat(JsonValue.emptyObject().isEmptyObject()).isTrue();
    assertThat(JsonValue.emptyObject().toJson()).isEqualTo("{}");
    assertThat(JsonValue.nullValue().toJson()).isEqualTo("null");
    assertThat(JsonValue.parse("[]").isObject()).isFalse();
  }

  @Test
  void toStringIsTheCompactJson() {
    JsonNode node = MAPPER.createObjectNode().put("a", "b");

    assertThat(JsonValue.of(node)).hasToString("{\"a\":\"b\"}");
  }
}
