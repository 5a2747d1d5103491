package dev.xct.core;

import dev.xct.core.internal.Binder;
import dev.xct.core.internal.CanonicalJson;
import dev.xct.core.internal.Json;
import dev.xct.core.internal.JsonText;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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

  /**
   * Whether a value of a class converts to a tree of nodes of its own, which no one else holds: a
   * record without annotations (which could name a serializer or a method that writes a shared
   * tree) whose components are all primitives, their boxes, strings, big numbers or such records.
   */
  private static final ClassValue<Boolean> PLAIN =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return plain(type, 0);
        }
      };

  private static final Set<Class<?>> SCALARS =
      Set.of(
          String.class,
          Boolean.class,
          Character.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigInteger.class,
          BigDecimal.class);

  private static boolean plain(Class<?> type, int depth) {
    if (type.isPrimitive() || SCALARS.contains(type)) {
      return true;
    }
    if (!type.isRecord() || depth > 8 || type.getDeclaredAnnotations().length > 0) {
      return false;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getDeclaredAnnotations().length > 0 || !plain(component.getType(), depth + 1)) {
        return false;
      }
    }
    return Stream.concat(
            Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredFields()))
        .noneMatch(member -> member.getDeclaredAnnotations().length > 0);
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
   * @throws XctException if the tree holds NaN or an infinite number, a missing node, or a member
   *     name with an unpaired UTF-16 surrogate
   */
  public static JsonValue of(JsonNode node) {
    Objects.requireNonNull(node, "node");
    return new JsonValue(checked(node.deepCopy()));
  }

  /**
   * Converts a Java value (map, list, record, bean, string, number, boolean, {@code JsonValue} or
   * {@code null}) to JSON with Jackson's default conventions. {@code Optional.empty()} inside a
   * record becomes {@code null}.
   *
   * @throws XctException if the value cannot be represented as JSON (NaN and infinities, and member
   *     names with an unpaired UTF-16 surrogate, included)
   */
  public static JsonValue from(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof JsonNode jsonNode) {
      return of(jsonNode);
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.valueToTree(value);
    } catch (JacksonException e) {
      throw new XctException("cannot convert " + value.getClass().getName() + " to JSON", e);
    }
    if (tree == null) {
      return new JsonValue(checked(Json.MAPPER.nullNode()));
    }
    // A JsonNode or JsonValue inside the value may be referenced, not copied: copy once here,
    // unless the value's type cannot hold one.
    return new JsonValue(checked(PLAIN.get(value.getClass()) ? tree : tree.deepCopy()));
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
      return new JsonValue(checked(tree));
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
   *     the offending member
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

  private static JsonNode checked(JsonNode tree) {
    if (tree.isMissingNode()) {
      throw new XctException("a missing node is not a JSON value");
    }
    if ((tree.isDouble() || tree.isFloat()) && !Double.isFinite(tree.doubleValue())) {
      throw new XctException("NaN and infinite numbers are not JSON, was: " + tree.doubleValue());
    }
    if (tree.isObject()) {
      for (Map.Entry<String, JsonNode> member : tree.properties()) {
        if (JsonText.hasLoneSurrogate(member.getKey())) {
          throw new XctException(
              "a member name holds an unpaired UTF-16 surrogate, which no JSON reader reads back: "
                  + JsonText.escapeLoneSurrogates(member.getKey()));
        }
        checked(member.getValue());
      }
    } else if (tree.isArray()) {
      for (JsonNode child : tree.values()) {
        checked(child);
      }
    }
    return tree;
  }

  /** Returns the compact JSON text. */
  @Override
  public String toString() {
    return toJson();
  }
}
