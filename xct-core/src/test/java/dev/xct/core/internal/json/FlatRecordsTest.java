package dev.xct.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast path of binding answers only where data binding gives an equal record, over every
 * combination of member values for records of each flat shape, and steps aside for anything a
 * Jackson annotation could change.
 */
class FlatRecordsTest {
  record Note(String key, String value) {}

  record Maybe(@Nullable String label, @Nullable Integer count, @Nullable Boolean flag) {}

  record Numbers(int small, long big, boolean on, Integer boxed, Long boxedBig) {}

  record Checked(String name) {
    Checked {
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
    }
  }

  record Renamed(@JsonProperty("other") String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Lenient(String name) {}

  @Retention(RetentionPolicy.RUNTIME)
  @JacksonAnnotationsInside
  @JsonIgnoreProperties(ignoreUnknown = true)
  @interface Bundled {}

  @Bundled
  record BundledLenient(String name) {}

  record Nested(Note note) {}

  /** JSON values each member takes in turn; {@code null} stands for a missing member. */
  private static final List<String> VALUES =
      List.of(
          "null",
          "\"\"",
          "\"text\"",
          "\" \"",
          "0",
          "-1",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "1.0",
          "1.5",
          "1e2",
          "true",
          "false",
          "[]",
          "{}",
          "[\"a\"]");

  @Test
  void answersOnlyWithTheRecordDataBindingGives() {
    Map<Class<?>, Integer> answered = new LinkedHashMap<>();
    for (Class<?> type : List.of(Note.class, Maybe.class, Numbers.class, Checked.class)) {
      String[] names = names(type);
      int count = 0;
      for (String json : objects(names)) {
        JsonNode node = Json.MAPPER.readTree(json);
        Object fast = FlatRecords.of(type).bind(node);
        Object slow = dataBinding(node, type);
        if (fast != null) {
          count++;
          assertThat(fast).as(type.getSimpleName() + " from " + json).isEqualTo(slow);
        }
      }
      answered.put(type, count);
    }
    // Not vacuous: every shape has objects it binds itself.
    assertThat(answered)
        .allSatisfy((type, count) -> assertThat(count).as(type.getName()).isPositive());
  }

  @Test
  void bindsTheUsualArgumentsItself() {
    JsonNode note = Json.MAPPER.readTree("{\"key\":\"greeting\",\"value\":\"hello\"}");
    assertThat(FlatRecords.of(Note.class).bind(note)).isEqualTo(new Note("greeting", "hello"));
    JsonNode maybe = Json.MAPPER.readTree("{\"count\":3}");
    assertThat(FlatRecords.of(Maybe.class).bind(maybe)).isEqualTo(new Maybe(null, 3, null));
  }

  @Test
  void stepsAsideForWhatDataBindingMustReport() {
    FlatRecords note = FlatRecords.of(Note.class);
    assertThat(note.bind(Json.MAPPER.readTree("{\"key\":\"k\",\"value\":\"v\",\"x\":1}"))).isNull();
    assertThat(note.bind(Json.MAPPER.readTree("{\"key\":\"k\"}"))).isNull();
    assertThat(note.bind(Json.MAPPER.readTree("{\"key\":\"k\",\"value\":null}"))).isNull();
    assertThat(note.bind(Json.MAPPER.readTree("[\"k\",\"v\"]"))).isNull();
    assertThat(FlatRecords.of(Checked.class).bind(Json.MAPPER.readTree("{\"name\":\" \"}")))
        .isNull();
  }

  @Test
  void leavesRecordsWithJacksonAnnotationsOrOtherComponentsToDataBinding() {
    JsonNode named = Json.MAPPER.readTree("{\"name\":\"n\"}");
    assertThat(FlatRecords.of(Renamed.class).bind(named)).isNull();
    assertThat(FlatRecords.of(Lenient.class).bind(named)).isNull();
    assertThat(FlatRecords.of(BundledLenient.class).bind(named)).isNull();
    JsonNode nested = Json.MAPPER.readTree("{\"note\":{\"key\":\"k\",\"value\":\"v\"}}");
    assertThat(FlatRecords.of(Nested.class).bind(nested)).isNull();
    assertThat(FlatRecords.of(String.class).bind(named)).isNull();
  }

  private static Object dataBinding(JsonNode node, Class<?> type) {
    try {
      return Json.BINDER.readerFor(type).readValue(node);
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static String[] names(Class<?> type) {
    var components = type.getRecordComponents();
    String[] names = new String[components.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = components[i].getName();
    }
    return names;
  }

  /**
   * Every object with each member missing or one of {@link #VALUES}, with a surplus member on some:
   * all combinations for up to three members, otherwise one member varied at a time.
   */
  private static List<String> objects(String[] names) {
    List<String> out = new ArrayList<>();
    List<String> choices = new ArrayList<>(VALUES);
    choices.add(null);
    if (names.length <= 3) {
      combine(names, choices, 0, new String[names.length], out);
    } else {
      String[] usual = {"1", "2", "true", "3", "4"};
      for (int i = 0; i < names.length; i++) {
        for (String choice : choices) {
          String[] values = usual.clone();
          values[i] = choice;
          out.add(object(names, values, false));
          out.add(object(names, values, true));
        }
      }
    }
    return out;
  }

  private static void combine(
      String[] names, List<String> choices, int at, String[] values, List<String> out) {
    if (at == names.length) {
      out.add(object(names, values, false));
      out.add(object(names, values, true));
      return;
    }
    for (String choice : choices) {
      values[at] = choice;
      combine(names, choices, at + 1, values, out);
    }
  }

  private static String object(String[] names, String[] values, boolean surplus) {
    ObjectNode object = Json.MAPPER.createObjectNode();
    for (int i = 0; i < names.length; i++) {
      if (values[i] != null) {
        object.set(names[i], Json.MAPPER.readTree(values[i]));
      }
    }
    if (surplus) {
      object.put("surplus", 1);
    }
    return object.toString();
  }
}
