package dev.xct.core.protocol;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.xct.core.JsonValue;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published schemas compiled with networknt (draft 2020-12), independently of the codec, and a
 * plain strict Jackson parser to turn parse-clean reply text into the tree a schema validates.
 */
final class SchemaCheck {
  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  static final Schema REPLY = compile(ProtocolSchemas.modelReply());
  static final Schema RESPONSE = compile(ProtocolSchemas.systemResponse());

  /** Rejects duplicate keys and trailing tokens; otherwise Jackson's defaults. */
  static final ObjectMapper PLAIN =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private SchemaCheck() {}

  static Schema compile(JsonValue schema) {
    Schema compiled = REGISTRY.getSchema(schema.toNode());
    compiled.initializeValidators();
    return compiled;
  }

  /** Parses reply text as any RFC 8259 parser would, ignoring one leading byte order mark. */
  static JsonNode parsePlain(String reply) {
    String text = !reply.isEmpty() && reply.charAt(0) == '\uFEFF' ? reply.substring(1) : reply;
    return PLAIN.readTree(text);
  }

  /** Returns the schema's complaints about {@code node}, empty when it is valid. */
  static List<String> violations(Schema schema, JsonNode node) {
    return schema.validate(node).stream().map(Object::toString).collect(Collectors.toList());
  }

  static boolean replySchemaAccepts(JsonNode node) {
    return REPLY.validate(node).isEmpty();
  }
}
