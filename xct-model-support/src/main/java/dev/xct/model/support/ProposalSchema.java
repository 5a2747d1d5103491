package dev.xct.model.support;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.support.internal.Jsons;
import dev.xct.model.support.internal.ProposalSchemas;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Generates the JSON Schema of every reply that can be a valid decision for a tool registry, so
 * servers with constrained decoding can only emit valid proposals: one proposal shape per tool,
 * each naming that tool and carrying that tool's argument schema, plus the done shape.
 *
 * <p>Two forms are offered:
 *
 * <ul>
 *   <li>{@link #schema()}: the exact schema, a {@code oneOf} at the root. A reply validates against
 *       it exactly when the strict {@link dev.xct.core.protocol.ProtocolCodec} accepts it as a
 *       proposal of a registered tool whose arguments match that tool's schema, or as a done. vLLM,
 *       llama.cpp, Ollama and LM Studio constrain decoding with it; OpenAI uses it as a hint (sent
 *       with {@code "strict": false}).
 *   <li>{@link #strictSchema()}: the same decisions inside OpenAI's strict subset, present only
 *       when every tool's argument schema already lies inside that subset. Strict mode forbids
 *       {@code oneOf} and a union at the root and wants every property required, so the decision is
 *       wrapped as {@code {"decision": …}} with an {@code anyOf} inside, and {@code goal} and
 *       {@code message} are required. {@link #unwrap(String)} takes the decision out again.
 * </ul>
 *
 * <p>Tool argument schemas are embedded as they are (without {@code $schema}; a schema without a
 * {@code type} is given {@code "type":"object"}, since arguments are always an object). Immutable
 * and thread-safe.
 */
public final class ProposalSchema {
  /** The name sent with the schema in {@code response_format}. */
  public static final String NAME = "xct_decision";

  /** The member that wraps the decision in {@link #strictSchema()}. */
  public static final String WRAPPER = "decision";

  private final List<ToolSpec> tools;
  private final JsonValue schema;
  private final JsonValue strictSchema;

  private ProposalSchema(List<ToolSpec> tools) {
    this.tools = List.copyOf(tools);
    this.schema = JsonValue.of(ProposalSchemas.exact(this.tools));
    JsonNode strict = ProposalSchemas.strict(this.tools);
    this.strictSchema = strict == null ? null : JsonValue.of(strict);
  }

  /** Returns the schema of the decisions valid for {@code tools}. */
  public static ProposalSchema of(List<ToolSpec> tools) {
    return new ProposalSchema(tools);
  }

  /** Returns the tools the schema was generated for, in order. */
  public List<ToolSpec> tools() {
    return tools;
  }

  /**
   * Returns the exact schema: a {@code oneOf} of one proposal shape per tool and the done shape.
   */
  public JsonValue schema() {
    return schema;
  }

  /**
   * Returns the schema in OpenAI's strict subset, wrapped as {@code {"decision": …}}, or empty when
   * some tool's argument schema falls outside that subset.
   */
  public Optional<JsonValue> strictSchema() {
    return Optional.ofNullable(strictSchema);
  }

  /**
   * Returns the decision inside a reply produced under {@link #strictSchema()}: for {@code
   * {"decision":X}} the compact JSON of {@code X}; any other text is returned unchanged, so the
   * codec judges it as it is.
   */
  public static String unwrap(String reply) {
    return Jsons.tryParse(reply)
        .filter(node -> node.isObject() && node.size() == 1 && node.has(WRAPPER))
        .map(node -> Jsons.write(node.get(WRAPPER)))
        .orElse(reply);
  }
}
