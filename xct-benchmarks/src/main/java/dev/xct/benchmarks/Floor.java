package dev.xct.benchmarks;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Does the bare work of one step by hand, the floor every other path is compared with: Jackson
 * parse of the reply, networknt validation of the arguments against a pre-compiled schema, a direct
 * Java call, and Jackson serialization of the result envelope. Thread-safe.
 */
final class Floor {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Schema schema;

  Floor() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    schema = registry.getSchema(MAPPER.readTree(Fixtures.SCHEMA));
    schema.initializeValidators();
  }

  /** The result envelope the model gets back. */
  record Envelope(String status, Fixtures.Stored result) {}

  /** Runs one step of bare work and returns the encoded result. */
  String step(String reply) {
    JsonNode step = MAPPER.readTree(reply).get("next_step");
    String tool = step.get("tool").stringValue();
    JsonNode arguments = step.get("arguments");
    List<Error> errors = schema.validate(arguments);
    if (!errors.isEmpty() || !Fixtures.TOOL.equals(tool)) {
      return "{\"status\":\"error\"}";
    }
    Fixtures.Stored stored =
        add(arguments.get("key").stringValue(), arguments.get("value").stringValue());
    return MAPPER.writeValueAsString(new Envelope("success", stored));
  }

  /** The tool itself, called directly. */
  static Fixtures.Stored add(String key, String value) {
    return new Fixtures.Stored(key != null, value.length());
  }
}
