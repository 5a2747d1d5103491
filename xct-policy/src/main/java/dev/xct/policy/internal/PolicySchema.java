package dev.xct.policy.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.xct.core.XctException;
import dev.xct.policy.PolicyProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a policy tree against the published JSON Schema and turns each violation into a located
 * problem with a message a person can act on: the unknown field and the fields expected there, the
 * missing field, the allowed values, the expected type.
 *
 * <p>Thread-safe: the schema is read and compiled once.
 */
public final class PolicySchema {
  private static final String RESOURCE = "/dev/xct/policy/policy.schema.json";
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final String TEXT = load();
  private static final JsonNode SCHEMA_NODE = MAPPER.readTree(TEXT);
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_NODE);

  private PolicySchema() {}

  /** Returns every violation in {@code located}, located; empty when the tree fits the schema. */
  static List<PolicyProblem> check(LocatedTree.Located located) {
    List<PolicyProblem> problems = new ArrayList<>();
    for (Error error : SCHEMA.validate(located.root())) {
      problems.add(problem(error, located));
    }
    return problems;
  }

  private static PolicyProblem problem(Error error, LocatedTree.Located located) {
    String pointer = pointer(error);
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String property = error.getProperty();
    String message;
    String at = pointer;
    if ("additionalProperties".equals(keyword) && property != null) {
      at = pointer + "/" + LocatedTree.escape(property);
      message = "unknown field '" + property + "'" + expected(error);
    } else if ("propertyNames".equals(keyword) && property != null) {
      at = pointer + "/" + LocatedTree.escape(property);
      message =
          "'" + property + "' is not a tool name: lower-case dotted segments such as fs.delete";
    } else if ("required".equals(keyword) && property != null) {
      message = "missing required field '" + property + "'";
    } else if ("minProperties".equals(keyword)) {
      message = "must not be empty" + expected(error);
    } else if ("type".equals(keyword)) {
      message =
          "expected "
              + describeTypes(error.getSchemaNode())
              + ", found "
              + describe(error.getInstanceNode());
    } else if ("enum".equals(keyword) || "const".equals(keyword)) {
      message =
          "found "
              + error.getInstanceNode()
              + "; expected "
              + ("const".equals(keyword) ? "" : "one of ")
              + joined(error.getSchemaNode());
    } else if ("pattern".equals(keyword)) {
      message = patternMessage(error);
    } else {
      message = stripLocation(error.getMessage());
    }
    LocatedTree.Location location = located.locate(at);
    return new PolicyProblem(location.line(), location.column(), Fields.display(at), message);
  }

  private static String patternMessage(Error error) {
    String value = String.valueOf(error.getInstanceNode());
    String where = schemaPointer(error);
    if (where.startsWith("/$defs/toolGlob")) {
      return value
          + " is not a tool glob: lower-case dotted names such as fs.read, * within one segment,"
          + " ** across segments";
    } else if (where.startsWith("/$defs/duration")) {
      return value + " is not a duration: use 500ms, 30s, 10m, 2h or ISO-8601 such as PT1M30S";
    } else if (where.contains("tool_quotas")) {
      return value + " is not a tool name: lower-case dotted segments such as fs.delete";
    }
    return stripLocation(error.getMessage());
  }

  /** Lists the properties the schema allows next to the offending one. */
  private static String expected(Error error) {
    String where = schemaPointer(error);
    int slash = where.lastIndexOf('/');
    if (slash < 0) {
      return "";
    }
    JsonNode properties = SCHEMA_NODE.at(where.substring(0, slash)).path("properties");
    if (!properties.isObject() || properties.isEmpty()) {
      return "";
    }
    StringJoiner names = new StringJoiner(", ", "; expected one of: ", "");
    properties.propertyNames().forEach(names::add);
    return names.toString();
  }

  private static String schemaPointer(Error error) {
    String location = String.valueOf(error.getSchemaLocation());
    int hash = location.indexOf('#');
    return hash < 0 ? "" : location.substring(hash + 1);
  }

  private static String describeTypes(JsonNode types) {
    if (types == null) {
      return "another type";
    }
    if (types.isArray()) {
      StringJoiner out = new StringJoiner(" or ");
      types.forEach(type -> out.add(article(type.asString())));
      return out.toString();
    }
    return article(types.asString());
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null (an empty value)";
    }
    String type =
        node.isObject()
            ? "object"
            : node.isArray()
                ? "array"
                : node.isString() ? "string" : node.isNumber() ? "number" : "boolean";
    return article(type) + (node.isValueNode() ? " " + node : "");
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "integer" -> "an integer";
      case "null" -> "null";
      default -> "a " + type;
    };
  }

  private static String joined(JsonNode values) {
    if (values == null) {
      return "another value";
    }
    if (!values.isArray()) {
      return values.toString();
    }
    StringJoiner out = new StringJoiner(", ");
    values.forEach(value -> out.add(value.toString()));
    return out.toString();
  }

  /** Drops networknt's leading {@code $.a.b: } location; ours is more precise. */
  private static String stripLocation(String message) {
    if (message == null) {
      return "does not match the schema";
    }
    if (message.startsWith("$")) {
      int colon = message.indexOf(": ");
      if (colon > 0) {
        return message.substring(colon + 2);
      }
    }
    return message;
  }

  private static String pointer(Error error) {
    StringBuilder out = new StringBuilder();
    var location = error.getInstanceLocation();
    if (location == null) {
      return "";
    }
    for (int i = 0; i < location.getNameCount(); i++) {
      out.append('/').append(LocatedTree.escape(String.valueOf(location.getElement(i))));
    }
    return out.toString();
  }

  /** Returns the schema's text, exactly as the jar holds it. */
  public static String text() {
    return TEXT;
  }

  private static String load() {
    try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new XctException("policy schema missing from the jar: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
