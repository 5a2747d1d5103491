package dev.xct.core.internal.schema;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.json.RecordComponents;
import dev.xct.core.tool.Description;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the strict JSON Schema of a record from its components, read with {@link
 * Class#getRecordComponents()}; see {@link dev.xct.core.tool.JsonSchemas} for the mapping.
 * Single-use, not thread-safe.
 */
public final class RecordSchemaGenerator {
  private static final Set<Class<?>> INTEGERS =
      Set.of(
          int.class,
          long.class,
          short.class,
          byte.class,
          Integer.class,
          Long.class,
          Short.class,
          Byte.class,
          BigInteger.class,
          OptionalInt.class,
          OptionalLong.class);
  private static final Set<Class<?>> NUMBERS =
      Set.of(
          double.class,
          float.class,
          Double.class,
          Float.class,
          BigDecimal.class,
          OptionalDouble.class);

  private final Class<?> root;
  private final Map<String, JsonNode> refinements = new LinkedHashMap<>();
  private final Set<String> refined = new HashSet<>();
  private final List<Class<?>> expanding = new ArrayList<>();

  private RecordSchemaGenerator(Class<?> root) {
    this.root = root;
  }

  /**
   * Returns the schema of {@code type}, with each refinement's members merged into the schema of
   * the component at its dotted path.
   *
   * @throws XctException if a component's type has no schema, a record contains itself, or a
   *     refinement is not an object or names no component
   */
  public static JsonValue generate(Class<?> type, Map<String, JsonValue> refinements) {
    if (type == null || !type.isRecord()) {
      throw new XctException("a schema can only be generated for a record class, was: " + type);
    }
    RecordSchemaGenerator generator = new RecordSchemaGenerator(type);
    refinements.forEach(
        (path, refinement) -> {
          if (refinement == null || !refinement.isObject()) {
            throw new XctException("refinement of '" + path + "' must be a JSON object");
          }
          generator.refinements.put(path, Json.node(refinement));
        });
    ObjectNode schema = generator.record(type, "");
    for (String path : refinements.keySet()) {
      if (!generator.refined.contains(path)) {
        throw new XctException("refinement '" + path + "' names no component of " + type.getName());
      }
    }
    return Json.adopt(schema);
  }

  private ObjectNode record(Class<?> type, String prefix) {
    if (expanding.contains(type)) {
      throw new XctException(
          "record "
              + type.getName()
              + " contains itself (at '"
              + prefix
              + "'); recursive records need a hand-written schema");
    }
    expanding.add(type);
    ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = Json.MAPPER.createArrayNode();
    for (RecordComponent component : type.getRecordComponents()) {
      String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
      ObjectNode property = schemaOf(component.getGenericType(), path);
      Description description = component.getAnnotation(Description.class);
      if (description != null) {
        property.put("description", description.value());
      }
      JsonNode refinement = refinements.get(path);
      if (refinement != null) {
        property.setAll((ObjectNode) refinement.deepCopy());
        refined.add(path);
      }
      properties.set(component.getName(), property);
      if (!RecordComponents.isOptional(component)) {
        required.add(component.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    expanding.remove(expanding.size() - 1);
    return schema;
  }

  private ObjectNode schemaOf(Type type, String path) {
    if (type instanceof Class<?> plain) {
      return schemaOfClass(plain, path);
    }
    if (type instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 0) {
      return schemaOf(wildcard.getUpperBounds()[0], path);
    }
    if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
      Type[] arguments = generic.getActualTypeArguments();
      if (raw == Optional.class) {
        return schemaOf(arguments[0], path);
      }
      if (raw == List.class || raw == Collection.class || raw == Set.class) {
        ObjectNode array = Json.MAPPER.createObjectNode().put("type", "array");
        array.set("items", schemaOf(arguments[0], path));
        return raw == Set.class ? array.put("uniqueItems", true) : array;
      }
      if (raw == Map.class && arguments[0] == String.class) {
        ObjectNode object = Json.MAPPER.createObjectNode().put("type", "object");
        object.set("additionalProperties", schemaOf(arguments[1], path));
        return object;
      }
    }
    throw unsupported(type, path);
  }

  private ObjectNode schemaOfClass(Class<?> type, String path) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    if (type == String.class) {
      return schema.put("type", "string");
    }
    if (type == boolean.class || type == Boolean.class) {
      return schema.put("type", "boolean");
    }
    if (INTEGERS.contains(type)) {
      return schema.put("type", "integer");
    }
    if (NUMBERS.contains(type)) {
      return schema.put("type", "number");
    }
    if (type.isEnum()) {
      ArrayNode names = schema.put("type", "string").putArray("enum");
      for (Object constant : type.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      return schema;
    }
    if (type.isRecord()) {
      return record(type, path);
    }
    if (type == JsonValue.class) {
      return schema; // any JSON value
    }
    throw unsupported(type, path);
  }

  private XctException unsupported(Type type, String path) {
    return new XctException(
        "component '"
            + path
            + "' of "
            + root.getName()
            + " has type "
            + type.getTypeName()
            + ", which has no generated schema; use String, boolean, a number, an enum, a record,"
            + " JsonValue, Optional, List, Set or Map<String, ?> of those, or pass your own schema");
  }
}
