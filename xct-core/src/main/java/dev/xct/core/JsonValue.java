package dev.xct.core;

import dev.xct.core.internal.Json;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Holds one JSON value that nobody can change: tool arguments, results and error details.
 *
 * <p>XCT records every value it passes between the model, validators, tools and the journal. A
 * mutable Jackson {@code ObjectNode} could be changed behind the journal's back after it was
 * recorded, so this wrapper keeps a private deep copy and hands out copies only. Equality is JSON
 * equality (object key order does not matter).
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonValue {
  private static final JsonValue EMPTY_OBJECT = new JsonValue(Json.MAPPER.createObjectNode());
  private static final JsonValue NULL = new JsonValue(Json.MAPPER.nullNode());

  static {
    Json.registerAccess(value -> value.node, JsonValue::new);
  }

  private final JsonNode node;
  private volatile String compact;

  private JsonValue(JsonNode node) {
    this.node = node;
  }

  /** Returns a copy of {@code node}; later changes to {@code node} do not affect the value. */
  public static JsonValue of(JsonNode node) {
    Objects.requireNonNull(node, "node");
    return new JsonValue(node.deepCopy());
  }

  /**
   * Converts a Java value (map, list, record, bean, string, number, boolean or {@code null}) to
   * JSON with Jackson's default conventions.
   *
   * @throws XctException if the value cannot be represented as JSON
   */
  public static JsonValue from(Object value) {
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof JsonNode jsonNode) {
      return of(jsonNode);
    }
    try {
      return new JsonValue(Json.MAPPER.valueToTree(value));
    } catch (JacksonException e) {
      throw new XctException("cannot convert " + value.getClass().getName() + " to JSON", e);
    }
  }

  /**
   * Parses JSON text with Jackson's defaults plus duplicate-key rejection. This is for trusted text
   * (configuration, schemas); model replies go through {@link dev.xct.core.protocol.ProtocolCodec}.
   *
   * @throws XctException if the text is not exactly one JSON value
   */
  public static JsonValue parse(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return new JsonValue(Json.STRICT_READER.readTree(json));
    } catch (JacksonException e) {
      throw new XctException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Returns the empty object {@code {}}. */
  public static JsonValue emptyObject() {
    return EMPTY_OBJECT;
  }

  /** Returns JSON {@code null}. */
  public static JsonValue nullValue() {
    return NULL;
  }

  /** Returns a mutable deep copy of this value for callers that want Jackson's tree API. */
  public JsonNode toNode() {
    return node.deepCopy();
  }

  /** Returns whether this value is a JSON object. */
  public boolean isObject() {
    return node.isObject();
  }

  /** Returns whether this value is JSON {@code null}. */
  public boolean isNull() {
    return node.isNull();
  }

  /** Returns whether this value is an object without members. */
  public boolean isEmptyObject() {
    return node.isObject() && node.isEmpty();
  }

  /** Returns the member {@code name} of an object, or empty if absent or this is not an object. */
  public Optional<JsonValue> get(String name) {
    JsonNode child = node.get(name);
    return child == null ? Optional.empty() : Optional.of(new JsonValue(child));
  }

  /**
   * Returns the value at a JSON Pointer (RFC 6901) such as {@code /argv/0}, or empty if there is
   * none.
   */
  public Optional<JsonValue> at(String pointer) {
    JsonNode child = node.at(pointer);
    return child.isMissingNode() ? Optional.empty() : Optional.of(new JsonValue(child));
  }

  /** Returns the string if this value is a JSON string, otherwise empty. */
  public Optional<String> asString() {
    return node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
  }

  /**
   * Binds this value to a Java type with Jackson (records, beans, collections).
   *
   * @throws XctException if the value does not fit the type
   */
  public <T> T bind(Class<T> type) {
    try {
      return Json.MAPPER.treeToValue(node, type);
    } catch (JacksonException e) {
      throw new XctException(
          "cannot bind JSON to " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Returns compact JSON text, members in the order they were given. */
  public String toJson() {
    String text = compact;
    if (text == null) {
      text = Json.MAPPER.writeValueAsString(node);
      compact = text;
    }
    return text;
  }

  /**
   * Returns canonical JSON text: compact, object members sorted by name. Two equal values always
   * have the same canonical text, so it can be hashed to bind an approval to an exact action.
   */
  public String toCanonicalJson() {
    return Json.CANONICAL_WRITER.writeValueAsString(node);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonValue that && node.equals(that.node);
  }

  @Override
  public int hashCode() {
    return node.hashCode();
  }

  /** Returns the compact JSON text. */
  @Override
  public String toString() {
    return toJson();
  }
}
