package dev.xct.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.Json;
import dev.xct.core.validate.Condition.Operator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

class ConditionTest {
  private static final JsonValue ARGS =
      JsonValue.parse(
          """
          {"argv": ["rm", "-rf", "/"], "path": "/srv/app/logs/a.log", "replicas": 3,
           "ratio": 0.5, "force": true, "note": null, "labels": {"env": "prod"},
           "a/b": "slash", "m~n": "tilde", "text": "42"}
          """);

  static Stream<Arguments> cases() {
    return Stream.of(
        // equalsTo: JSON equality, numbers by value
        Arguments.of(Condition.at("/argv/0").equalsTo("rm"), true),
        Arguments.of(Condition.at("/argv/0").equalsTo("RM"), false),
        Arguments.of(Condition.at("/replicas").equalsTo(3), true),
        Arguments.of(Condition.at("/replicas").equalsTo(3.0), true),
        Arguments.of(Condition.at("/replicas").equalsTo("3"), false),
        Arguments.of(Condition.at("/text").equalsTo(42), false),
        Arguments.of(Condition.at("/force").equalsTo(true), true),
        Arguments.of(Condition.at("/note").equalsTo(null), true),
        Arguments.of(Condition.at("/missing").equalsTo(null), false),
        Arguments.of(Condition.at("/labels").equalsTo(Map.of("env", "prod")), true),
        Arguments.of(Condition.at("/labels").equalsTo(Map.of("env", "dev")), false),
        Arguments.of(Condition.at("/argv").equalsTo(List.of("rm", "-rf", "/")), true),
        Arguments.of(Condition.at("/argv").equalsTo(List.of("rm", "/", "-rf")), false),
        Arguments.of(Condition.at("/a~1b").equalsTo("slash"), true),
        Arguments.of(Condition.at("/m~0n").equalsTo("tilde"), true),
        // oneOf
        Arguments.of(Condition.at("/argv/0").oneOf("rm", "rmdir"), true),
        Arguments.of(Condition.at("/argv/0").oneOf("ls", "cat"), false),
        Arguments.of(Condition.at("/replicas").oneOf(1, 3.0), true),
        Arguments.of(Condition.at("/missing").oneOf("x"), false),
        // glob on strings: * stays within a path segment
        Arguments.of(Condition.at("/path").glob("/srv/**"), true),
        Arguments.of(Condition.at("/path").glob("/srv/*"), false),
        Arguments.of(Condition.at("/path").glob("/srv/*/logs/*.log"), true),
        Arguments.of(Condition.at("/path").glob("/srv/app/logs/?.log"), true),
        Arguments.of(Condition.at("/path").glob("/srv/app/logs/??.log"), false),
        Arguments.of(Condition.at("/path").glob("**.log"), true),
        Arguments.of(Condition.at("/path").glob("/etc/**"), false),
        Arguments.of(Condition.at("/replicas").glob("*"), false),
        Arguments.of(Condition.at("/missing").glob("**"), false),
        // regex: whole value, strings only
        Arguments.of(Condition.at("/argv/1").matches("-[a-z]+"), true),
        Arguments.of(Condition.at("/argv/1").matches("r"), false),
        Arguments.of(Condition.at("/argv/1").matches(".*r.*"), true),
        Arguments.of(Condition.at("/replicas").matches("\\d+"), false),
        Arguments.of(Condition.at("/text").matches("\\d+"), true),
        Arguments.of(Condition.at("/missing").matches(".*"), false),
        // exists / absent; null is present
        Arguments.of(Condition.at("/force").exists(), true),
        Arguments.of(Condition.at("/note").exists(), true),
        Arguments.of(Condition.at("/missing").exists(), false),
        Arguments.of(Condition.at("/argv/3").exists(), false),
        Arguments.of(Condition.at("/argv/2").exists(), true),
        Arguments.of(Condition.at("/missing").absent(), true),
        Arguments.of(Condition.at("/note").absent(), false),
        Arguments.of(Condition.at("/labels/env/deeper").absent(), true),
        Arguments.of(Condition.at("").exists(), true),
        // numeric comparisons, numbers only
        Arguments.of(Condition.at("/replicas").lessThan(4), true),
        Arguments.of(Condition.at("/replicas").lessThan(3), false),
        Arguments.of(Condition.at("/replicas").atMost(3), true),
        Arguments.of(Condition.at("/replicas").atMost(2.99), false),
        Arguments.of(Condition.at("/replicas").greaterThan(2), true),
        Arguments.of(Condition.at("/replicas").greaterThan(3), false),
        Arguments.of(Condition.at("/replicas").atLeast(3), true),
        Arguments.of(Condition.at("/ratio").atLeast(0.51), false),
        Arguments.of(Condition.at("/ratio").lessThan(1), true),
        Arguments.of(Condition.at("/text").lessThan(100), false),
        Arguments.of(Condition.at("/missing").lessThan(100), false),
        Arguments.of(Condition.at("/note").atLeast(0), false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void conditionsTestTheValueAtTheirPointer(Condition condition, boolean holds) {
    assertThat(condition.holds(ARGS)).isEqualTo(holds);
  }

  @Test
  void globsAreLiteralExceptForWildcardsAndEscapes() {
    JsonValue args = JsonValue.parse("{\"s\": \"a*b?c.d[e]\"}");
    assertThat(Condition.at("/s").glob("a\\*b\\?c.d[e]").holds(args)).isTrue();
    assertThat(Condition.at("/s").glob("a\\*b\\?c?d[e]").holds(args)).isTrue();
    assertThat(Condition.at("/s").glob("a\\*b\\?cxd[e]").holds(args)).isFalse();
    assertThat(Condition.at("/s").glob("a.b?c.d[e]").holds(args)).isFalse();
  }

  @Test
  void valueGlobsAreTextualAndDoNotNormalisePaths() {
    JsonValue args = JsonValue.parse("{\"path\": \"/srv/../etc/passwd\"}");
    assertThat(Condition.at("/path").glob("/srv/**").holds(args)).isTrue();
  }

  @Test
  void regexPatternsAreCompiledOnceAtBuildTimeAndRejectedWhenInvalid() {
    assertThatThrownBy(() -> Condition.at("/x").matches("(unclosed"))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("(unclosed");
  }

  @ParameterizedTest(name = "pointer \"{0}\" is rejected")
  @ValueSource(strings = {"argv/0", "~", "/a~", "/a~2", " /a"})
  void malformedPointersAreRejectedAtBuildTime(String pointer) {
    assertThatThrownBy(() -> Condition.at(pointer)).isInstanceOf(XctException.class);
    assertThatThrownBy(() -> Condition.of(pointer, Operator.EXISTS, JsonValue.nullValue()))
        .isInstanceOf(XctException.class);
  }

  static Stream<Arguments> badOperands() {
    return Stream.of(
        Arguments.of(Operator.ONE_OF, "[]"),
        Arguments.of(Operator.ONE_OF, "\"rm\""),
        Arguments.of(Operator.GLOB, "42"),
        Arguments.of(Operator.GLOB, "\"a***\""),
        Arguments.of(Operator.GLOB, "\"trailing\\\\\""),
        Arguments.of(Operator.REGEX, "null"),
        Arguments.of(Operator.EXISTS, "true"),
        Arguments.of(Operator.ABSENT, "\"x\""),
        Arguments.of(Operator.LT, "\"3\""),
        Arguments.of(Operator.GE, "null"));
  }

  @ParameterizedTest(name = "{0} with {1} is rejected")
  @MethodSource("badOperands")
  void operandsThatDoNotSuitTheOperatorAreRejected(Operator operator, String operandJson) {
    assertThatThrownBy(() -> Condition.of("/x", operator, JsonValue.parse(operandJson)))
        .isInstanceOf(XctException.class);
  }

  @Test
  void nonFiniteNumbersAreRejectedAsBoundsAndNeverCompare() {
    assertThatThrownBy(() -> Condition.at("/x").lessThan(Double.NaN))
        .isInstanceOf(XctException.class);
    // JsonValue.from refuses non-finite numbers; a parser that reads 1e999 as a double can still
    // produce one, so build such a tree the way the codec adopts its parse.
    JsonValue nan =
        Json.adopt(JsonNodeFactory.instance.objectNode().put("x", Double.POSITIVE_INFINITY));
    assertThat(Condition.at("/x").greaterThan(0).holds(nan)).isFalse();
    assertThat(Condition.at("/x").equalsTo(1).holds(nan)).isFalse();
  }

  @Test
  void conditionsAreDataWithValueEquality() {
    Condition built = Condition.at("/argv/0").equalsTo("rm");
    Condition loaded = Condition.of("/argv/0", Operator.EQUALS, JsonValue.parse("\"rm\""));
    assertThat(built).isEqualTo(loaded).hasSameHashCodeAs(loaded);
    assertThat(built.pointer()).isEqualTo("/argv/0");
    assertThat(built.operator()).isEqualTo(Operator.EQUALS);
    assertThat(built.operand()).isEqualTo(JsonValue.parse("\"rm\""));
    assertThat(built).isNotEqualTo(Condition.at("/argv/0").matches("rm"));
    assertThat(built).hasToString("/argv/0 EQUALS \"rm\"");
    assertThat(Condition.at("/x").absent()).hasToString("/x ABSENT");
  }
}
