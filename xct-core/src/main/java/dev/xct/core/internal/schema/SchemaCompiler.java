package dev.xct.core.internal.schema;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.Json;
import dev.xct.core.tool.SchemaViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Compiles JSON Schemas once with networknt and validates values against them.
 *
 * <p>Schemas default to draft 2020-12 (another draft if {@code $schema} names one). Compiling fails
 * at once, not at the first call, for: a schema that breaks its meta-schema ({@code
 * {"type":"nope"}}, {@code {"minLength":"x"}}, which networknt alone would accept and then fail
 * every call), a {@code $ref} that does not resolve, and a {@code pattern} that is not a regular
 * expression. Remote {@code $ref}s and {@code $schema}s are never fetched: networknt's default
 * {@code SchemaLoader} has no network loader (only the bundled meta-schemas and the class path), so
 * such a schema fails to compile instead.
 */
public final class SchemaCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaCompiler.class);

  private static final String DEFAULT_DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** Keywords whose error names, in {@code property}, the member at fault inside the object. */
  private static final Set<String> MEMBER_KEYWORDS =
      Set.of("required", "additionalProperties", "unevaluatedProperties", "propertyNames");

  /** Keywords whose error names the missing member as the first message argument. */
  private static final Set<String> DEPENDENT_KEYWORDS = Set.of("dependentRequired", "dependencies");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final Map<String, Schema> META_SCHEMAS = new ConcurrentHashMap<>();

  private SchemaCompiler() {}

  /**
   * networknt's default output, the list of errors, without its per-call step of building a new
   * execution configuration to switch off annotation collection, which is off already.
   */
  private static final OutputFormat<List<Error>> ERRORS =
      (schema, context, schemaContext) -> context.getErrors();

  /**
   * A compiled schema; thread-safe, validate as often as you like. Each validation runs in a fresh
   * networknt execution context on the configuration networknt itself makes for the schema, made
   * once here instead of at every call.
   */
  public static final class Compiled {
    private final Schema schema;
    private final ExecutionConfig config;

    private Compiled(Schema schema) {
      this.schema = schema;
      this.config = schema.createExecutionContext().getExecutionConfig();
    }

    /** Returns every violation of {@code node}; empty when it is valid. */
    public List<SchemaViolation> validate(JsonNode node) {
      try {
        return violations(schema.validate(new ExecutionContext(config), node, ERRORS));
      } catch (RuntimeException e) {
        // networknt can throw on valid JSON it cannot compare (e.g. 1e300 against an integer
        // maximum). The value cannot be shown to satisfy the schema, so it does not: fail closed.
        LOG.warn("schema validation threw; treating the value as invalid", e);
        return List.of(
            new SchemaViolation(
                "", "validation", "the value could not be checked against the schema"));
      }
    }

    /** Returns every violation of {@code value}; empty when it is valid. */
    public List<SchemaViolation> validate(JsonValue value) {
      return validate(Json.node(value));
    }
  }

  /**
   * Compiles {@code schema}, failing now rather than at the first call.
   *
   * @throws XctException naming {@code owner} if the schema is not a valid JSON Schema or does not
   *     compile
   */
  public static Compiled compile(String owner, JsonValue schema) {
    JsonNode tree = Json.node(schema).deepCopy();
    List<SchemaViolation> problems = violations(metaSchema(owner, tree).validate(tree));
    if (!problems.isEmpty()) {
      SchemaViolation first = problems.get(0);
      throw new XctException(
          "schema of "
              + owner
              + " is not a valid JSON Schema: at '"
              + first.pointer()
              + "': "
              + first.message()
              + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }
    try {
      Schema compiled = REGISTRY.getSchema(tree);
      compiled.initializeValidators();
      // Validating a probe value forces lazy parts ($ref resolution) to fail at build time.
      compiled.validate(Json.MAPPER.createObjectNode());
      return new Compiled(compiled);
    } catch (RuntimeException e) {
      throw new XctException("schema of " + owner + " does not compile: " + e.getMessage(), e);
    }
  }

  private static Schema metaSchema(String owner, JsonNode tree) {
    JsonNode declared = tree.get("$schema");
    String id = declared != null && declared.isString() ? declared.stringValue() : DEFAULT_DIALECT;
    try {
      return META_SCHEMAS.computeIfAbsent(
          id,
          key -> {
            Schema meta = REGISTRY.getSchema(SchemaLocation.of(key));
            meta.initializeValidators();
            return meta;
          });
    } catch (RuntimeException e) {
      throw new XctException(
          "schema of " + owner + " names an unknown or remote $schema '" + id + "'", e);
    }
  }

  static List<SchemaViolation> violations(List<Error> errors) {
    if (errors.isEmpty()) {
      return List.of();
    }
    List<SchemaViolation> violations = new ArrayList<>(errors.size());
    for (Error error : errors) {
      violations.add(
          new SchemaViolation(
              pointer(error),
              error.getKeyword() == null ? "" : error.getKeyword(),
              error.getMessage() == null ? error.toString() : error.getMessage()));
    }
    return List.copyOf(violations);
  }

  /**
   * Returns the RFC 6901 pointer of the value at fault. networknt reports a missing or surplus
   * member at the enclosing object and names the member separately; the pointer goes to the member
   * itself, so {@code required} points at what is missing and {@code additionalProperties} at what
   * is extra.
   */
  static String pointer(Error error) {
    StringBuilder out = new StringBuilder();
    NodePath location = error.getInstanceLocation();
    if (location != null) {
      for (int i = 0; i < location.getNameCount(); i++) {
        appendToken(out, String.valueOf(location.getElement(i)));
      }
    }
    String keyword = error.getKeyword();
    if (MEMBER_KEYWORDS.contains(keyword) && error.getProperty() != null) {
      appendToken(out, error.getProperty());
    } else if (DEPENDENT_KEYWORDS.contains(keyword)
        && error.getArguments() != null
        && error.getArguments().length > 0
        && error.getArguments()[0] instanceof String missing) {
      appendToken(out, missing);
    }
    return out.toString();
  }

  private static void appendToken(StringBuilder out, String token) {
    // RFC 6901: '~' first, so that the '~' of an escaped '/' is not escaped again.
    out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
  }
}
