package dev.xct.model.support.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a JSON Schema lies inside the subset OpenAI accepts with {@code "strict": true}:
 * every object lists all its properties as required and sets {@code additionalProperties} to false,
 * and only the supported keywords appear ({@code anyOf} but not {@code oneOf}, {@code allOf},
 * {@code not}, conditionals, {@code patternProperties}, {@code default} or references).
 *
 * <p>The check is conservative: a keyword it does not know makes the schema incompatible, and the
 * adapter then sends the exact schema without {@code strict} instead of a rewritten one whose
 * meaning differs from the tool's.
 */
public final class StrictSchemas {
  private static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "enum",
          "const",
          "anyOf",
          "description",
          "title",
          "pattern",
          "format",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "minItems",
          "maxItems");

  private StrictSchemas() {}

  /** Returns whether {@code schema}, a tool argument schema, is an object strict mode accepts. */
  public static boolean isCompatible(JsonNode schema) {
    return schema.isObject() && isObjectType(schema) && compatible(schema);
  }

  private static boolean compatible(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> member : schema.properties()) {
      String key = member.getKey();
      if (!KEYWORDS.contains(key)) {
        return false;
      }
    }
    if (schema.has("properties") || isObjectType(schema)) {
      if (!closedObject(schema)) {
        return false;
      }
      for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
        if (!compatible(property.getValue())) {
          return false;
        }
      }
    }
    JsonNode items = schema.get("items");
    if (items != null && !compatible(items)) {
      return false;
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null) {
      if (!anyOf.isArray() || anyOf.isEmpty()) {
        return false;
      }
      for (JsonNode branch : anyOf) {
        if (!compatible(branch)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean closedObject(JsonNode schema) {
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    JsonNode required = schema.get("required");
    if (properties == null || !properties.isObject()) {
      return false;
    }
    if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
      return false;
    }
    Set<String> names = new HashSet<>(properties.propertyNames());
    if (names.isEmpty()) {
      return required == null || (required.isArray() && required.isEmpty());
    }
    if (required == null || !required.isArray() || required.size() != names.size()) {
      return false;
    }
    for (JsonNode name : required) {
      if (!name.isString() || !names.remove(name.stringValue())) {
        return false;
      }
    }
    return names.isEmpty();
  }

  private static boolean isObjectType(JsonNode schema) {
    JsonNode type = schema.get("type");
    return type != null && type.isString() && type.stringValue().equals("object");
  }
}
