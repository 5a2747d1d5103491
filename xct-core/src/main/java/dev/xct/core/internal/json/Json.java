package dev.xct.core.internal.json;

import dev.xct.core.JsonValue;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.core.util.RecyclerPool;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/** Shared Jackson configuration and zero-copy access to {@link JsonValue}'s tree for internals. */
public final class Json {
  /**
   * The buffer pool of every parser and generator the library makes on a hot path: Jackson's hybrid
   * pool, thread-local on platform threads (no allocation, no contention) and a striped shared pool
   * on virtual threads, where a thread-local pool would never be reused. Jackson 3's default, a
   * concurrent deque, allocates a node and does two compare-and-sets per buffer handed back: about
   * a tenth of a step's cost before this pool.
   */
  public static final RecyclerPool<BufferRecycler> BUFFERS = buffers();

  /**
   * The library's mapper for trees and for turning Java values into JSON: immutable, thread-safe,
   * rejects duplicate keys, writes a {@link JsonValue} as the JSON it holds. Map entries are
   * written sorted by key: {@code Map.of} iterates in an order that changes from one JVM run to the
   * next, and transcripts must be reproducible.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(factory())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .addModule(jsonValueModule())
          .build();

  /**
   * Reads exactly one JSON value, rejecting duplicate keys and trailing tokens; decimals become
   * {@link java.math.BigDecimal}s so that no digit is lost.
   */
  public static final ObjectReader STRICT_READER =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * Binds trees to Java types without guessing: unknown members, missing or null required record
   * components, numbers for strings or enums, strings for numbers and fractions for integers all
   * fail. See {@link StrictRecordIntrospector} for what "required" means.
   */
  static final ObjectMapper BINDER =
      JsonMapper.builder(factory())
          .annotationIntrospector(new StrictRecordIntrospector())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .addModule(jsonValueModule())
          .addModule(new RecordCreators())
          .build();

  private static volatile Function<JsonValue, JsonNode> unwrapper;
  private static volatile Function<JsonNode, JsonValue> wrapper;

  private Json() {}

  /** Returns a JSON factory with Jackson's defaults but {@link #BUFFERS}. */
  private static JsonFactory factory() {
    return JsonFactory.builder().recyclerPool(BUFFERS).build();
  }

  private static RecyclerPool<BufferRecycler> buffers() {
    try {
      return JsonRecyclerPools.sharedHybridPool();
    } catch (LinkageError older) {
      // An application that forces a Jackson older than 3.3 keeps Jackson's default pool.
      return JsonRecyclerPools.defaultPool();
    }
  }

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

  private static SimpleModule jsonValueModule() {
    return new SimpleModule("xct-json-value")
        .addSerializer(JsonValue.class, new JsonValueSerializer())
        .addDeserializer(JsonValue.class, new JsonValueDeserializer());
  }

  private static final class JsonValueSerializer extends StdSerializer<JsonValue> {
    JsonValueSerializer() {
      super(JsonValue.class);
    }

    @Override
    public void serialize(JsonValue value, JsonGenerator out, SerializationContext context) {
      out.writeTree(node(value));
    }
  }

  private static final class JsonValueDeserializer extends StdDeserializer<JsonValue> {
    JsonValueDeserializer() {
      super(JsonValue.class);
    }

    @Override
    public JsonValue deserialize(JsonParser in, DeserializationContext context) {
      return JsonValue.of(context.readTree(in));
    }

    @Override
    public JsonValue getNullValue(DeserializationContext context) {
      return JsonValue.nullValue();
    }
  }
}
