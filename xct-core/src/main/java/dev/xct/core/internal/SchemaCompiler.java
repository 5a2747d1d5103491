package dev.xct.core.internal;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.tool.SchemaViolation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Compiles JSON Schemas once with networknt and validates values against them. Schemas default to
 * draft 2020-12; remote {@code $ref}s are never fetched (networknt's default loader does not).
 */
public final class SchemaCompiler {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private SchemaCompiler() {}

  /** A compiled schema; thread-safe, validate as often as you like. */
  public static final class Compiled {
    private final Schema schema;

    private Compiled(Schema schema) {
      this.schema = schema;
    }

    /** Returns every violation of {@code node}; empty when it is valid. */
    public List<SchemaViolation> validate(JsonNode node) {
      List<Error> errors = schema.validate(node);
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

    /** Returns every violation of {@code value}; empty when it is valid. */
    public List<SchemaViolation> validate(JsonValue value) {
      return validate(Json.node(value));
    }
  }

  /**
   * Compiles {@code schema}, failing now rather than at the first call.
   *
   * @throws XctException naming {@code owner} if the schema does not compile
   */
  public static Compiled compile(String owner, JsonValue schema) {
    try {
      Schema compiled = REGISTRY.getSchema(Json.node(schema).deepCopy());
      compiled.initializeValidators();
      // Validating a probe value forces lazy parts ($ref resolution) to fail at build time.
      compiled.validate("{}", InputFormat.JSON);
      return new Compiled(compiled);
    } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
      throw new XctException("schema of " + owner + " does not compile: " + e.getMessage(), e);
    }
  }

  private static String pointer(Error error) {
    if (error.getInstanceLocation() == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    var location = error.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      out.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
    }
    String property = error.getProperty();
    if ("required".equals(error.getKeyword()) && property != null) {
      out.append('/').append(property.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }
}
