package dev.xct.model.support.internal;

import dev.xct.core.tool.ToolSpec;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the two forms of {@link dev.xct.model.support.ProposalSchema}. */
public final class ProposalSchemas {
  private ProposalSchemas() {}

  /** Returns the exact schema: {@code {"oneOf":[proposal per tool…, done]}}. */
  public static ObjectNode exact(List<ToolSpec> tools) {
    ObjectNode root = Jsons.object();
    ArrayNode branches = root.putArray("oneOf");
    for (ToolSpec tool : tools) {
      branches.add(proposal(tool, arguments(tool), false));
    }
    branches.add(done(false));
    return root;
  }

  /** Returns the strict-mode schema, or null if a tool's schema is outside the strict subset. */
  public static ObjectNode strict(List<ToolSpec> tools) {
    ObjectNode wrapper = objectType();
    ArrayNode branches = wrapper.putObject("properties").putObject("decision").putArray("anyOf");
    for (ToolSpec tool : tools) {
      ObjectNode arguments = arguments(tool);
      if (!StrictSchemas.isCompatible(arguments)) {
        return null;
      }
      branches.add(proposal(tool, arguments, true));
    }
    branches.add(done(true));
    wrapper.putArray("required").add("decision");
    return closed(wrapper);
  }

  /** Returns a copy of the tool's argument schema, ready to embed. */
  public static ObjectNode arguments(ToolSpec tool) {
    ObjectNode schema = (ObjectNode) tool.inputSchema().toNode();
    schema.remove("$schema");
    if (!schema.has("type")) {
      schema.put("type", "object");
    }
    if (usesLocalReferences(schema) && !schema.has("$id")) {
      // Draft 2020-12 resolves "#/..." against the nearest $id: keep the tool's own $defs
      // reachable.
      schema.put("$id", "urn:xct:tool:" + tool.name());
    }
    return schema;
  }

  private static ObjectNode proposal(ToolSpec tool, ObjectNode arguments, boolean strict) {
    ObjectNode step = objectType();
    if (!tool.description().isEmpty()) {
      step.put("description", tool.description());
    }
    ObjectNode properties = step.putObject("properties");
    properties.putObject("tool").put("type", "string").putArray("enum").add(tool.name());
    properties.putObject("goal").put("type", "string").put("description", "why this step");
    properties.set("arguments", arguments);
    ArrayNode required = step.putArray("required").add("tool");
    if (strict) {
      required.add("goal");
    }
    required.add("arguments");
    ObjectNode root = objectType();
    root.putObject("properties").set("next_step", closed(step));
    root.putArray("required").add("next_step");
    return closed(root);
  }

  private static ObjectNode done(boolean strict) {
    ObjectNode done = objectType();
    ObjectNode properties = done.putObject("properties");
    properties.putObject("done").put("type", "boolean").putArray("enum").add(true);
    properties
        .putObject("message")
        .put("type", "string")
        .put("description", "what was accomplished, or why it cannot be");
    ArrayNode required = done.putArray("required").add("done");
    if (strict) {
      required.add("message");
    }
    return closed(done);
  }

  private static ObjectNode objectType() {
    ObjectNode node = Jsons.object();
    node.put("type", "object");
    return node;
  }

  private static ObjectNode closed(ObjectNode node) {
    node.put("additionalProperties", false);
    return node;
  }

  private static boolean usesLocalReferences(JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString() && ref.stringValue().startsWith("#")) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (usesLocalReferences(child)) {
        return true;
      }
    }
    return false;
  }
}
