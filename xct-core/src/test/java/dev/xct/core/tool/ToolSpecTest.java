package dev.xct.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolSpecTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "fs.write",
        "k8s.deployments.delete",
        "orders_v2.refund",
        "a1.b2.c3",
        "x_",
        // exactly 64 characters
        "abcdefghij.abcdefghij.abcdefghij.abcdefghij.abcdefghij.abcdefghi"
      })
  void acceptsLowerCaseDottedNames(String name) {
    assertThat(ToolSpec.isValidName(name)).isTrue();
    assertThat(ToolSpec.builder(name).build().name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "A",
        "fs.Write",
        "1fs",
        "fs.1write",
        "_fs",
        "fs..write",
        ".fs",
        "fs.",
        "fs-write",
        "fs write",
        "fs/write",
        "fs.write\n",
        "fichier.écrire",
        "ｆｓ.write",
        "fs.wrıte",
        // 65 characters
        "abcdefghij.abcdefghij.abcdefghij.abcdefghij.abcdefghij.abcdefghij"
      })
  void refusesEverythingElseQuotingTheName(String name) {
    assertThat(ToolSpec.isValidName(name)).isFalse();
    assertThatThrownBy(() -> ToolSpec.builder(name))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void refusesANullNameNamingTheParameterNotQuotingNull() {
    assertThat(ToolSpec.isValidName(null)).isFalse();
    assertThatThrownBy(() -> ToolSpec.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"array\"}",
        "{\"type\":\"string\"}",
        "{\"type\":\"null\"}",
        "{\"type\":[\"array\",\"null\"]}",
        "{\"type\":[]}"
      })
  void refusesASchemaWhoseTypeCanNeverBeTheArgumentsObjectNamingTheTool(String schema) {
    assertThatThrownBy(() -> ToolSpec.builder("orders.list").inputSchema(schema))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'orders.list'")
        .hasMessageContaining("\"type\": " + JsonValue.parse(schema).get("type").orElseThrow())
        .hasMessageContaining("always a JSON object");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"object\"}",
        "{\"type\":[\"object\",\"null\"]}",
        "{}",
        "{\"properties\":{\"id\":{\"type\":\"string\"}}}"
      })
  void acceptsASchemaThatAllowsAnObject(String schema) {
    assertThat(ToolSpec.builder("orders.list").inputSchema(schema).build().inputSchema())
        .isEqualTo(JsonValue.parse(schema));
  }

  @Test
  void namesTheToolWhenTheSchemaTextIsNotJson() {
    assertThatThrownBy(() -> ToolSpec.builder("orders.list").inputSchema("{\"type\":object}"))
        .isInstanceOf(XctException.class)
        .hasMessageStartingWith("input schema of tool 'orders.list': not valid JSON");
  }

  @Test
  void defaultsToAnyObjectNoHintsNoDescriptionAndNoTimeout() {
    ToolSpec spec = ToolSpec.builder("x").build();

    assertThat(spec.inputSchema()).isEqualTo(JsonValue.parse("{\"type\":\"object\"}"));
    assertThat(spec.hints()).isEqualTo(ToolHints.none());
    assertThat(spec.description()).isEmpty();
    assertThat(spec.timeout()).isEmpty();
  }

  @Test
  void acceptsAPositiveTimeout() {
    assertThat(ToolSpec.builder("x").timeout(Duration.ofMillis(1)).build().timeout())
        .contains(Duration.ofMillis(1));
  }

  @Test
  void refusesZeroNegativeAndNullTimeoutsNamingTheTool() {
    ToolSpec.Builder builder = ToolSpec.builder("slow.tool");

    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'slow.tool'");
    assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(XctException.class);
    assertThatThrownBy(() -> builder.timeout(null)).isInstanceOf(XctException.class);
  }

  @Test
  void refusesASchemaThatIsNotAnObject() {
    assertThatThrownBy(() -> ToolSpec.builder("x").inputSchema("[]"))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> ToolSpec.builder("x").inputSchema("true"))
        .isInstanceOf(XctException.class);
  }

  @Test
  void toBuilderRoundTripsEveryValue() {
    ToolSpec spec =
        ToolSpec.builder("fs.delete")
            .description("Deletes a file")
            .inputSchema("{\"type\":\"object\",\"required\":[\"path\"]}")
            .destructive()
            .idempotent()
            .timeout(Duration.ofSeconds(3))
            .build();

    ToolSpec copy = spec.toBuilder().build();

    assertThat(copy).isEqualTo(spec).hasSameHashCodeAs(spec);
    assertThat(copy.hints()).isEqualTo(new ToolHints(false, true, true));
  }

  @Test
  void changesThroughToBuilderLeaveTheOriginalAlone() {
    ToolSpec spec = ToolSpec.builder("x").description("one").build();

    ToolSpec changed = spec.toBuilder().description("two").readOnly().build();

    assertThat(spec.description()).isEqualTo("one");
    assertThat(spec.hints()).isEqualTo(ToolHints.none());
    assertThat(changed.hints()).isEqualTo(ToolHints.readOnlyTool());
    assertThat(changed).isNotEqualTo(spec);
  }

  @Test
  void hintShortcutsCombine() {
    assertThat(ToolSpec.builder("x").readOnly().build().hints())
        .isEqualTo(new ToolHints(true, false, true));
    assertThat(ToolSpec.builder("x").readOnly().destructive().build().hints())
        .isEqualTo(new ToolHints(false, true, true));
    assertThat(ToolSpec.builder("x").idempotent().build().hints())
        .isEqualTo(new ToolHints(false, false, true));
  }
}
