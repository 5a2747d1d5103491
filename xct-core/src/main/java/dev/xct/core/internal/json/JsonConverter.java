package dev.xct.core.internal.json;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts JSON-like Java values to JSON trees and refuses everything else with an {@link
 * XctException} naming the path and type of the offending value ({@code result.items[2].owner:
 * java.lang.Thread has no JSON form...}); {@link JsonValue#from} documents the accepted types.
 * Nothing is converted by bean introspection, so an object that merely has getters (a {@code
 * Thread}, an entity with lazy associations) never leaks its internals to the model or the journal.
 * Single-use, not thread-safe; {@link #convert} makes one per call.
 */
public final class JsonConverter {
  private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

  private static final Set<Class<?>> TIME_TYPES =
      Set.of(
          Instant.class,
          Duration.class,
          Period.class,
          LocalDate.class,
          LocalTime.class,
          LocalDateTime.class,
          OffsetTime.class,
          OffsetDateTime.class,
          ZonedDateTime.class,
          Year.class,
          YearMonth.class,
          MonthDay.class);

  /**
   * The containers being converted, outermost first, to refuse a value that contains itself: a
   * stack, since each is open exactly while its members are converted; made at the first container.
   */
  private Object[] open;

  private int depthOpen;

  private JsonConverter() {}

  /**
   * Returns {@code value} as JSON; {@code root} names it in messages ({@code "result"}).
   *
   * @throws XctException naming the path and type of the first value that is not JSON-like
   */
  public static JsonValue convert(Object value, String root) {
    if (value instanceof JsonValue json) {
      return json;
    }
    return Json.adopt(new JsonConverter().node(value, ValuePath.root(root), 0));
  }

  private JsonNode node(Object value, ValuePath path, int depth) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.stringNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Number number) {
      return number(number, path);
    }
    if (value instanceof Enum<?> constant) {
      return NODES.stringNode(constant.name());
    }
    if (value instanceof Record || value instanceof Map || value instanceof Collection) {
      return open(value, path, depth); // the usual results: none of the kinds below
    }
    if (TIME_TYPES.contains(value.getClass()) || value instanceof ZoneId) {
      return Json.MAPPER.valueToTree(value); // ISO-8601 text, as Jackson writes it
    }
    if (value instanceof JsonValue json) {
      return JsonTrees.check(Json.node(json).deepCopy(), path, depth);
    }
    if (value instanceof JsonNode tree) {
      return JsonTrees.check(tree.deepCopy(), path, depth);
    }
    if (value instanceof Optional<?> optional) {
      return node(optional.orElse(null), path, depth);
    }
    if (value instanceof OptionalInt optional) {
      return optional.isPresent() ? NODES.numberNode(optional.getAsInt()) : NODES.nullNode();
    }
    if (value instanceof OptionalLong optional) {
      return optional.isPresent() ? NODES.numberNode(optional.getAsLong()) : NODES.nullNode();
    }
    if (value instanceof OptionalDouble optional) {
      return optional.isPresent() ? number(optional.getAsDouble(), path) : NODES.nullNode();
    }
    return open(value, path, depth);
  }

  /** Converts a container (or refuses a value with no JSON form), guarding depth and cycles. */
  private JsonNode open(Object value, ValuePath path, int depth) {
    JsonTrees.checkDepth(path, depth + 1);
    enter(value, path);
    try {
      return container(value, path, depth + 1);
    } finally {
      depthOpen--;
    }
  }

  private void enter(Object container, ValuePath path) {
    if (open == null) {
      open = new Object[8];
    }
    for (int i = 0; i < depthOpen; i++) {
      if (open[i] == container) {
        throw new XctException(path + ": the value contains itself");
      }
    }
    if (depthOpen == open.length) {
      open = Arrays.copyOf(open, 2 * depthOpen);
    }
    open[depthOpen++] = container;
  }

  private JsonNode container(Object value, ValuePath path, int depth) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : sorted(map, path)) {
        String name = (String) entry.getKey();
        object.set(name, node(entry.getValue(), path.member(name), depth));
      }
      return object;
    }
    if (value instanceof Collection<?> collection) {
      ArrayNode array = NODES.arrayNode(collection.size());
      for (Object element : collection) {
        array.add(node(element, path.index(array.size()), depth));
      }
      return array;
    }
    if (value.getClass().isArray()) {
      return array(value, path, depth);
    }
    if (value instanceof Record record) {
      ObjectNode object = NODES.objectNode();
      RecordReader reader = RecordReader.of(record);
      Object[] components = reader.read(record, path);
      for (int i = 0; i < components.length; i++) {
        String name = reader.name(i);
        object.set(name, node(components[i], path.member(name), depth));
      }
      return object;
    }
    throw noJsonForm(value, path);
  }

  private JsonNode array(Object value, ValuePath path, int depth) {
    Class<?> type = value.getClass().getComponentType();
    if (type == byte.class || type == char.class) {
      throw new XctException(
          path
              + ": "
              + type
              + "[] has no single JSON form; convert it to a String (Base64 for bytes)");
    }
    int length = Array.getLength(value);
    ArrayNode array = NODES.arrayNode(length);
    for (int i = 0; i < length; i++) {
      array.add(node(Array.get(value, i), path.index(i), depth));
    }
    return array;
  }

  private static JsonNode number(Number number, ValuePath path) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return NODES.numberNode(number.intValue());
    }
    if (number instanceof Long value) {
      return NODES.numberNode(value.longValue());
    }
    if (number instanceof BigInteger value) {
      return NODES.numberNode(value);
    }
    if (number instanceof BigDecimal value) {
      return NODES.numberNode(value);
    }
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      if (!Double.isFinite(value)) {
        throw new XctException(path + ": " + number + " is not a JSON number");
      }
      return number instanceof Float single
          ? NODES.numberNode(single.floatValue())
          : NODES.numberNode(value);
    }
    throw noJsonForm(number, path);
  }

  private static List<Map.Entry<?, ?>> sorted(Map<?, ?> map, ValuePath path) {
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<?, ?> entry : entries) {
      if (!(entry.getKey() instanceof String key)) {
        Object odd = entry.getKey();
        throw new XctException(
            path
                + ": a map key of type "
                + (odd == null ? "null" : odd.getClass().getName())
                + "; JSON member names are strings, so use a Map with String keys");
      }
      JsonTrees.checkName(key, path);
    }
    // Map.of iterates in an order that changes from one JVM run to the next; transcripts must not.
    entries.sort(Comparator.comparing(entry -> (String) entry.getKey()));
    return entries;
  }

  private static XctException noJsonForm(Object value, ValuePath path) {
    return new XctException(
        path
            + ": "
            + value.getClass().getName()
            + " has no JSON form; use null, a String, Boolean, number, enum or java.time value, a"
            + " JsonValue or JsonNode, or a Map with String keys, a Collection, array, Optional or"
            + " record of those");
  }
}
