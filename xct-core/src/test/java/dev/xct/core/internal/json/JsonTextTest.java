package dev.xct.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uD800",
        "\uDC00",
        "a\uD83Db",
        "\uDE00\uD83D",
        "\uD83D\uDE00\uD83D",
        "x\uDBFF\uDBFF\uDFFF",
        "end\uD83D"
      })
  void loneSurrogatesSurviveUtf8AndReadBackExactly(String text) {
    String json = JsonValue.from(Map.of("k", text)).toJson();

    String throughUtf8 = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    assertThat(throughUtf8).isEqualTo(json);
    assertThat(JsonValue.parse(throughUtf8).get("k").flatMap(JsonValue::asString)).contains(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDFFFb", "\uDE00\uD83D"})
  void aMemberNameWithALoneSurrogateIsRefusedBecauseNoReaderReadsItBack(String name) {
    assertThatThrownBy(() -> JsonValue.from(Map.of(name, 1)))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("unpaired UTF-16 surrogate");
    assertThat(JsonValue.from(Map.of("ok\uD83D\uDE00", 1)).toJson()).contains("\uD83D\uDE00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "\uD83D\uDE00 pair", "\u00e9\u4e2d"})
  void wellFormedTextIsLeftAsItIs(String text) {
    String json = Json.MAPPER.writeValueAsString(text);

    assertThat(JsonText.escapeLoneSurrogates(json)).isSameAs(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rm ?", "rm \uFFFD"})
  void aLoneSurrogateNeverHasTheCanonicalTextOfAnotherValue(String other) {
    JsonValue lone = JsonValue.from(Map.of("cmd", "rm \uD800"));

    assertThat(lone.toCanonicalJson()).isEqualTo("{\"cmd\":\"rm \\uD800\"}");
    assertThat(lone.toCanonicalJson().getBytes(StandardCharsets.UTF_8))
        .isNotEqualTo(
            JsonValue.from(Map.of("cmd", other))
                .toCanonicalJson()
                .getBytes(StandardCharsets.UTF_8));
  }
}
