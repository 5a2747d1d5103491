package dev.xct.core.internal;

import dev.xct.core.JsonValue;
import java.util.function.Function;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Shared Jackson configuration and zero-copy access to {@link JsonValue}'s tree for internals. */
public final class Json {
  /** The library's mapper: immutable, thread-safe, rejects duplicate keys. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Reads exactly one JSON value, rejecting duplicate keys and trailing tokens. */
  public static final ObjectReader STRICT_READER =
      MAPPER.reader().with(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Writes compact JSON with object members sorted by name. */
  public static final ObjectWriter CANONICAL_WRITER =
      MAPPER.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

  private static volatile Function<JsonValue, JsonNode> unwrapper;
  private static volatile Function<JsonNode, JsonValue> wrapper;

  private Json() {}

  /** Called once by {@link JsonValue}'s static initializer. */
  public static void registerAccess(
      Function<JsonValue, JsonNode> unwrap, Function<JsonNode, JsonValue> wrap) {
    unwrapper = unwrap;
    wrapper = wrap;
  }

  private static void ensureRegistered() {
    if (unwrapper == null) {
      JsonValue.emptyObject(); // forces JsonValue's static initializer
    }
  }

  /**
   * Returns the tree behind a value without copying it. Callers inside the library must never
   * mutate it or let it escape.
   */
  public static JsonNode node(JsonValue value) {
    ensureRegistered();
    return unwrapper.apply(value);
  }

  /** Wraps a freshly built tree that nobody else holds a reference to, without copying it. */
  public static JsonValue adopt(JsonNode freshNode) {
    ensureRegistered();
    return wrapper.apply(freshNode);
  }
}
