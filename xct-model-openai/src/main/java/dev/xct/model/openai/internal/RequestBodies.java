package dev.xct.model.openai.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.support.ProposalSchema;
import dev.xct.model.support.ToolFunctions;
import dev.xct.model.support.internal.Jsons;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds chat-completions request bodies. */
public final class RequestBodies {
  /** Body members the client sets itself; extra parameters may not replace them. */
  public static final Set<String> RESERVED =
      Set.of(
          "model",
          "messages",
          "response_format",
          "tools",
          "tool_choice",
          "parallel_tool_calls",
          "stream",
          "n");

  /** Appended to the system message in tool-calling mode, where no JSON is written by hand. */
  public static final String TOOL_MODE_NOTE =
      "\nIn this deployment you propose a step by calling exactly one of the provided functions"
          + " instead of writing the JSON yourself. A tool's function name is its name with dots"
          + " written as dashes (fs.write is fs-write). Call "
          + ToolFunctions.DONE
          + " with a message when the task is complete or cannot be completed.\n";

  private RequestBodies() {}

  /** Returns the request body for {@code messages} and {@code tools} in {@code format}. */
  public static ObjectNode build(
      String model,
      List<ChatMessage> messages,
      List<ToolSpec> tools,
      ProposalSchema schema,
      Format format,
      Map<String, JsonValue> parameters) {
    ObjectNode body = Jsons.object();
    body.put("model", model);
    ArrayNode wire = body.putArray("messages");
    boolean noted = false;
    for (ChatMessage message : messages) {
      String content = message.content();
      if (format == Format.TOOLS && !noted && message.role() == ChatMessage.Role.SYSTEM) {
        content = content + TOOL_MODE_NOTE;
        noted = true;
      }
      wire.addObject()
          .put("role", message.role().name().toLowerCase(Locale.ROOT))
          .put("content", content);
    }
    switch (format) {
      case STRICT_SCHEMA -> responseFormat(body, schema.strictSchema().orElseThrow(), true);
      case EXACT_SCHEMA -> responseFormat(body, schema.schema(), false);
      case JSON_OBJECT -> body.putObject("response_format").put("type", "json_object");
      case TOOLS -> tools(body, tools);
      case NONE -> {
        // The prompt alone asks for the JSON reply.
      }
    }
    parameters.forEach((name, value) -> body.set(name, value.toNode()));
    return body;
  }

  private static void responseFormat(ObjectNode body, JsonValue schema, boolean strict) {
    ObjectNode jsonSchema =
        body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
    jsonSchema.put("name", ProposalSchema.NAME);
    jsonSchema.put("strict", strict);
    jsonSchema.set("schema", schema.toNode());
  }

  private static void tools(ObjectNode body, List<ToolSpec> tools) {
    ArrayNode functions = body.putArray("tools");
    for (ToolSpec tool : tools) {
      ObjectNode function = functions.addObject().put("type", "function").putObject("function");
      function.put("name", ToolFunctions.functionName(tool.name()));
      if (!tool.description().isEmpty()) {
        function.put("description", tool.description());
      }
      function.set("parameters", ToolFunctions.parameters(tool).toNode());
      if (ToolFunctions.isStrict(tool)) {
        function.put("strict", true);
      }
    }
    ObjectNode done = functions.addObject().put("type", "function").putObject("function");
    done.put("name", ToolFunctions.DONE);
    done.put(
        "description",
        "Declare the task complete, or impossible, with a message saying what was accomplished or"
            + " why it cannot be.");
    ObjectNode parameters = done.putObject("parameters").put("type", "object");
    parameters.putObject("properties").putObject("message").put("type", "string");
    parameters.putArray("required").add("message");
    parameters.put("additionalProperties", false);
    done.put("strict", true);
    body.put("tool_choice", "required");
    body.put("parallel_tool_calls", false);
  }
}
