package dev.xct.core.internal.codec;

import dev.xct.core.JsonValue;
import dev.xct.core.internal.json.Json;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the wire JSON of results and decisions, the shapes that {@code
 * system-response.schema.json} and {@code model-reply.schema.json} publish. Stateless and
 * thread-safe.
 */
public final class WireEncoder {
  private WireEncoder() {}

  /**
   * Returns the wire form of a result: {@code {"status":"success","result":…}} or {@code
   * {"status":"error","code":…,"message":…,"details":{…}}}, details omitted when empty.
   */
  public static JsonValue toWire(Result result) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    if (result instanceof Result.Success success) {
      out.put("status", "success");
      out.set("result", Json.node(success.result()));
    } else if (result instanceof Result.Failure failure) {
      out.put("status", "error");
      out.put("code", failure.code());
      out.put("message", failure.message());
      if (!failure.details().isEmptyObject()) {
        out.set("details", Json.node(failure.details()));
      }
    }
    // The children are shared, not copied: both are immutable behind JsonValue and never mutated.
    return Json.adopt(out);
  }

  /**
   * Returns the canonical wire form of a decision: members in protocol order ({@code tool}, {@code
   * arguments}, {@code goal}; {@code done}, {@code message}), the members of every object inside
   * the arguments sorted by name, and {@code goal} and {@code message} always present (empty when
   * the model left them out or sent them empty, which decode to the same decision), so a record
   * never shows a member missing that the model sent. Equal decisions therefore encode to equal
   * text.
   */
  public static JsonValue toWire(Decision decision) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    if (decision instanceof Decision.Proposal proposal) {
      ObjectNode step = out.putObject("next_step");
      step.put("tool", proposal.tool());
      step.set("arguments", sorted(Json.node(proposal.arguments())));
      step.put("goal", proposal.goal());
    } else if (decision instanceof Decision.Done done) {
      out.put("done", true);
      out.put("message", done.message());
    }
    return Json.adopt(out);
  }

  /** Returns a copy of {@code node} whose objects list their members by name; shares scalars. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.propertyNames());
      names.sort(null);
      ObjectNode copy = Json.MAPPER.createObjectNode();
      for (String name : names) {
        copy.set(name, sorted(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.MAPPER.createArrayNode();
      for (JsonNode element : node) {
        copy.add(sorted(element));
      }
      return copy;
    }
    return node;
  }
}
