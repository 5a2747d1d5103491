package dev.xct.core;

import dev.xct.core.internal.json.Binder;
import dev.xct.core.internal.json.CanonicalJson;
import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.json.JsonConverter;
import dev.xct.core.internal.json.JsonText;
import dev.xct.core.internal.json.JsonTrees;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Holds one JSON value that nobody can change: tool arguments, results and error details.
 *
 * <p>XCT records every value it passes between the model, validators, tools and the journal. A
 * mutable Jackson {@code ObjectNode} could be changed behind the journal's back after it was
 * recorded, so this wrapper keeps a private deep copy and hands out copies only.
 *
 * <p>Equality is JSON equality: object member order does not matter, and numbers are compared by
 * value, so {@code 1}, {@code 1.0} and {@code 1e0} are equal. Two values are equal exactly when
 * their {@linkplain #toCanonicalJson() canonical texts} are. Numbers keep every digit: big integers
 * and decimals are never rounded through {@code double}. NaN and infinities are not JSON and are
 * refused, as are member names holding an unpaired UTF-16 surrogate. Strings may hold one: the JSON
 * text escapes it ({@code \uD800}), so the text encodes as UTF-8 and reads back exactly.
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
  private volatile String canonical;

  private JsonValue(JsonNode node) {
    this.node = node;
  }

  /**
   * Returns a copy of {@code node}; later changes to {@code node} do not affect the value.
   *
   * @throws XctException if the tree holds NaN or an infinite number, a missing node, a POJO node,
   *     or a member name with an unpaired UTF-16 surrogate, or nests deeper than 500 levels
   */
  public static JsonValue of(JsonNode node) {
    Objects.requireNonNull(node, "node");
    return new JsonValue(JsonTrees.checked(node.deepCopy()));
  }

  /**
   * Converts a JSON-like Java value to JSON, refusing everything else: tool results, error details
   * and previews go to the model and the journal, so nothing reaches them by accident (a {@code
   * Thread}, an entity with its lazy collections, a bean's every getter). Accepted, at any depth:
   *
   * <ul>
   *   <li>{@code null}, {@code String}, {@code Boolean};
   *   <li>{@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code
   *       BigDecimal} (every digit kept), and finite {@code Double} and {@code Float};
   *   <li>an enum constant, as its {@linkplain Enum#name() name} (the form binding and {@link
   *       dev.xct.core.tool.JsonSchemas} use, whatever {@code toString()} says);
   *   <li>{@code java.time} values ({@code Instant}, {@code Duration}, {@code Period}, {@code
   *       LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code OffsetTime}, {@code
   *       OffsetDateTime}, {@code ZonedDateTime}, {@code Year}, {@code YearMonth}, {@code
   *       MonthDay}, {@code ZoneId}), as ISO-8601 text such as {@code "2024-05-01T12:00:00Z"} or
   *       {@code "PT1M30S"} ({@code Year} as a number, a {@code ZonedDateTime} with its offset);
   *   <li>a {@code JsonValue}, or a Jackson {@code JsonNode} (copied);
   *   <li>a {@code Map} with {@code String} keys, as an object with its entries sorted by key (so
   *       that {@code Map.of}'s order, which changes between JVM runs, never changes a transcript);
   *   <li>a {@code Collection} or an array (not {@code byte[]} or {@code char[]}, which have no
   *       single JSON form), as an array in iteration order;
   *   <li>{@code Optional}, {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}, as
   *       the value or {@code null};
   *   <li>a record, as an object of its components, named as the components and in their order;
   *       read through its accessors, so on the module path it must be public in an exported
   *       package or its package open to {@code dev.xct.core}.
   * </ul>
   *
   * <p>Anything else, such as a bean, a {@code Path}, a {@code UUID} or a {@code Character}, is
   * refused: convert it yourself (to a String, a Map or a record), or hand over a {@code JsonNode}
   * your own mapper built. Jackson annotations are not read.
   *
   * @throws XctException naming the path and type of the offending value, such as {@code
   *     value.items[2].owner: java.lang.Thread has no JSON form}; also for NaN and infinities, a
   *     member name with an unpaired UTF-16 surrogate, a value that contains itself, and nesting
   *     deeper than 500 levels
   */
  public static JsonValue from(Object value) {
    return JsonConverter.convert(value, "value");
  }

  /**
   * Parses JSON text with Jackson's defaults plus duplicate-key and trailing-token rejection,
   * keeping decimals exact. This is for trusted text (configuration, schemas); model replies go
   * through {@link dev.xct.core.protocol.ProtocolCodec}.
   *
   * @throws XctException if the text is not exactly one JSON value
   */
  public static JsonValue parse(String json) {
    Objects.requireNonNull(json, "json");
    try {
      JsonNode tree = Json.STRICT_READER.readTree(json);
      if (tree == null || tree.isMissingNode()) {
        throw new XctException("not valid JSON: the text holds no value");
      }
      return new JsonValue(JsonTrees.checked(tree));
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
   * none; {@code ""} is the whole value.
   *
   * @throws XctException if {@code pointer} is not a JSON Pointer
   */
  public Optional<JsonValue> at(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    JsonNode child;
    try {
      child = node.at(pointer);
    } catch (IllegalArgumentException e) {
      throw new XctException("not a JSON Pointer: '" + pointer + "'", e);
    }
    return child.isMissingNode() ? Optional.empty() : Optional.of(new JsonValue(child));
  }

  /** Returns the string if this value is a JSON string, otherwise empty. */
  public Optional<String> asString() {
    return node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
  }

  /**
   * Binds this value to a Java type with Jackson (records, collections, beans), strictly: unknown
   * members fail; record components that are neither {@code Optional} nor {@code @Nullable} must be
   * present and not null; strings never become numbers or the reverse; numbers with a fraction
   * never become integers (whole numbers such as {@code 3.0} do).
   *
   * @throws XctException if the value does not fit the type; the message names the JSON Pointer of
   *     the offending member. Also if Jackson cannot construct the type or a record it contains: on
   *     the module path, a non-public class whose package is not open to {@code
   *     tools.jackson.databind}, or a package neither exported nor open to it; the message names
   *     the directive to add
   */
  public <T> T bind(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return Binder.bind(this, type);
  }

  /** Returns compact JSON text, members in the order they were given. */
  public String toJson() {
    String text = compact;
    if (text == null) {
      text = JsonText.escapeLoneSurrogates(Json.MAPPER.writeValueAsString(node));
      compact = text;
    }
    return text;
  }

  /**
   * Returns canonical JSON text: compact, object members sorted by name at every depth, numbers in
   * one normal form per value ({@code 1.50} and {@code 15e-1} both read {@code 1.5}, {@code 2.0}
   * reads {@code 2}). Two values have the same canonical text exactly when they are equal, so it
   * can be hashed to bind an approval to an exact action.
   */
  public String toCanonicalJson() {
    String text = canonical;
    if (text == null) {
      text = JsonText.escapeLoneSurrogates(CanonicalJson.write(node));
      canonical = text;
    }
    return text;
  }

  /** Returns whether {@code other} is a JsonValue holding the same JSON value. */
  @Override
  public boolean equals(Object other) {
    return other == this
        || other instanceof JsonValue that && toCanonicalJson().equals(that.toCanonicalJson());
  }

  @Override
  public int hashCode() {
    return toCanonicalJson().hashCode();
  }

  /** Returns the compact JSON text. */
  @Override
  public String toString() {
    return toJson();
  }
}
