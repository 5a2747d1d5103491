package dev.xct.model.support.internal;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The module's one Jackson mapper and the few parsing helpers around it. */
public final class Jsons {
  /** A mapper with Jackson's defaults; thread-safe. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Jsons() {}

  /** Returns {@code text} parsed as one JSON value, or empty if it is not valid JSON. */
  public static Optional<JsonNode> tryParse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Returns {@code node} as compact JSON text. */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Returns the text of member {@code name} if it is a string, otherwise an empty string. */
  public static String text(JsonNode node, String name) {
    JsonNode value = node == null ? null : node.get(name);
    return value != null && value.isString() ? value.stringValue() : "";
  }
}
