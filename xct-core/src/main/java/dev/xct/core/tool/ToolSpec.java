package dev.xct.core.tool;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.validate.DurationLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Describes a tool to the model and to the validators: its name, what it does, the JSON Schema its
 * arguments must match, advisory hints and an optional timeout.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(String)}; change with {@link
 * #toBuilder()}.
 */
public final class ToolSpec {
  /**
   * The pattern every tool name matches: lower-case dotted segments such as {@code fs.write} or
   * {@code k8s.deployments.delete}, at most {@value #MAX_NAME_LENGTH} characters.
   */
  public static final Pattern NAME_PATTERN =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  /** The longest tool name accepted. */
  public static final int MAX_NAME_LENGTH = 64;

  private static final JsonValue ANY_OBJECT = JsonValue.parse("{\"type\":\"object\"}");

  private final String name;
  private final String description;
  private final JsonValue inputSchema;
  private final ToolHints hints;
  private final Duration timeout;

  private ToolSpec(Builder builder) {
    this.name = builder.name;
    this.description = builder.description;
    this.inputSchema = builder.inputSchema;
    this.hints = builder.hints;
    this.timeout = builder.timeout;
  }

  /**
   * Starts a spec for a tool called {@code name}.
   *
   * @throws XctException if the name does not match {@link #NAME_PATTERN} or is too long
   * @throws NullPointerException if {@code name} is null
   */
  public static Builder builder(String name) {
    Objects.requireNonNull(name, "name");
    return new Builder(checkName(name));
  }

  /** Returns whether {@code name} is a valid tool name. */
  public static boolean isValidName(String name) {
    return name != null && name.length() <= MAX_NAME_LENGTH && NAME_PATTERN.matcher(name).matches();
  }

  private static String checkName(String name) {
    if (!isValidName(name)) {
      throw new XctException(
          "tool name '"
              + name
              + "' must match "
              + NAME_PATTERN
              + " and have at most "
              + MAX_NAME_LENGTH
              + " characters");
    }
    return name;
  }

  /** Returns the unique name the model uses to call the tool. */
  public String name() {
    return name;
  }

  /** Returns what the tool does, for the model. */
  public String description() {
    return description;
  }

  /**
   * Returns the JSON Schema its arguments must match: a JSON object whose {@code type}, if given,
   * allows {@code "object"}.
   */
  public JsonValue inputSchema() {
    return inputSchema;
  }

  /** Returns the advisory hints. */
  public ToolHints hints() {
    return hints;
  }

  /** Returns the tool's own timeout, or empty to use the loop's default. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Returns a builder holding this spec's values. */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.description = description;
    builder.inputSchema = inputSchema;
    builder.inputSchemaGiven = true;
    builder.hints = hints;
    builder.timeout = timeout;
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ToolSpec that
        && name.equals(that.name)
        && description.equals(that.description)
        && inputSchema.equals(that.inputSchema)
        && hints.equals(that.hints)
        && Objects.equals(timeout, that.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, inputSchema, hints, timeout);
  }

  @Override
  public String toString() {
    return "ToolSpec[" + name + ", " + hints + "]";
  }

  /** Configures a {@link ToolSpec}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private JsonValue inputSchema = ANY_OBJECT;
    private boolean inputSchemaGiven;
    private ToolHints hints = ToolHints.none();
    private Duration timeout;

    private Builder(String name) {
      this.name = name;
    }

    /** Sets the description shown to the model. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * Sets the JSON Schema (draft 2020-12 unless {@code $schema} says otherwise) of the arguments.
     * The protocol's arguments are always a JSON object, so a schema whose top-level {@code type}
     * does not allow {@code "object"} could never accept a call and is refused here; the registry
     * checks the rest of the schema when the tool is registered.
     *
     * @throws XctException naming the tool if the schema is not a JSON object, or its {@code type}
     *     does not allow {@code "object"}
     */
    public Builder inputSchema(JsonValue schema) {
      Objects.requireNonNull(schema, "schema");
      if (!schema.isObject()) {
        throw new XctException(
            "input schema of tool '" + name + "' must be a JSON object, was: " + schema);
      }
      schema
          .get("type")
          .filter(type -> !allowsObject(type))
          .ifPresent(
              type -> {
                throw new XctException(
                    "input schema of tool '"
                        + name
                        + "' has \"type\": "
                        + type
                        + ", but a tool's arguments are always a JSON object: make it"
                        + " \"object\"");
              });
      this.inputSchema = schema;
      this.inputSchemaGiven = true;
      return this;
    }

    /** Returns whether {@link #inputSchema} was called, so {@link TypedTool} knows to generate. */
    boolean hasInputSchema() {
      return inputSchemaGiven;
    }

    /**
     * Parses and sets the JSON Schema of the arguments; see {@link #inputSchema(JsonValue)}.
     *
     * @throws XctException naming the tool if the text is not JSON, or as {@link
     *     #inputSchema(JsonValue)}
     */
    public Builder inputSchema(String schemaJson) {
      Objects.requireNonNull(schemaJson, "schemaJson");
      JsonValue schema;
      try {
        schema = JsonValue.parse(schemaJson);
      } catch (XctException e) {
        throw new XctException("input schema of tool '" + name + "': " + e.getMessage(), e);
      }
      return inputSchema(schema);
    }

    /**
     * Whether a {@code type} keyword allows objects; a malformed one is the registry's to report.
     */
    private static boolean allowsObject(JsonValue type) {
      JsonNode node = Json.node(type);
      if (node.isString()) {
        return node.stringValue().equals("object");
      }
      if (node.isArray()) {
        for (JsonNode member : node.values()) {
          if (member.isString() && member.stringValue().equals("object")) {
            return true;
          }
        }
        return false;
      }
      return true;
    }

    /** Sets all hints at once. */
    public Builder hints(ToolHints hints) {
      this.hints = Objects.requireNonNull(hints, "hints");
      return this;
    }

    /** Marks the tool read-only (and idempotent). */
    public Builder readOnly() {
      this.hints = ToolHints.readOnlyTool();
      return this;
    }

    /** Marks the tool destructive: approval validators gate it. */
    public Builder destructive() {
      this.hints = new ToolHints(false, true, hints.idempotent());
      return this;
    }

    /** Marks the tool idempotent. */
    public Builder idempotent() {
      this.hints = hints.withIdempotent(true);
      return this;
    }

    /**
     * Sets the tool's own timeout, overriding the loop's default.
     *
     * <p>Anything over 36,500 days (100 years) is taken as 36,500 days, in effect no limit.
     *
     * @throws XctException if not positive
     */
    public Builder timeout(Duration timeout) {
      this.timeout = DurationLimit.check("timeout of tool '" + name + "'", timeout);
      return this;
    }

    /** Returns a new immutable spec. */
    public ToolSpec build() {
      return new ToolSpec(this);
    }
  }
}
