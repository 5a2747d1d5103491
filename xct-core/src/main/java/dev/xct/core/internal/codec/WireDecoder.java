package dev.xct.core.internal.codec;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import tools.jackson.databind.JsonNode;

/**
 * Reads back the canonical wire JSON that {@link WireEncoder} writes. For recorded, trusted-shape
 * JSON (journals, event files), not for model replies: those go through the strict codec. Stateless
 * and thread-safe.
 */
public final class WireDecoder {
  private WireDecoder() {}

  /**
   * Returns the result encoded by {@link WireEncoder#toWire(Result)}.
   *
   * @throws XctException if {@code node} is not a wire result
   */
  public static Result result(JsonNode node) {
    String status = text(node, "status");
    if ("success".equals(status)) {
      JsonNode value = node.get("result");
      return new Result.Success(value == null ? JsonValue.nullValue() : JsonValue.of(value));
    }
    if ("error".equals(status)) {
      JsonNode details = node.get("details");
      return new Result.Failure(
          text(node, "code"),
          text(node, "message"),
          details == null ? JsonValue.emptyObject() : JsonValue.of(details));
    }
    throw new XctException("not a wire result: " + node);
  }

  /**
   * Returns the decision encoded by {@link WireEncoder#toWire(Decision)}.
   *
   * @throws XctException if {@code node} is not a wire decision
   */
  public static Decision decision(JsonNode node) {
    JsonNode step = node.get("next_step");
    if (step != null && step.isObject()) {
      JsonNode arguments = step.get("arguments");
      if (arguments == null) {
        throw new XctException("wire proposal without arguments: " + node);
      }
      JsonNode goal = step.get("goal");
      return Decision.propose(
          text(step, "tool"), JsonValue.of(arguments), goal == null ? "" : goal.asString());
    }
    if (node.has("done")) {
      JsonNode message = node.get("message");
      return Decision.done(message == null ? "" : message.asString());
    }
    throw new XctException("not a wire decision: " + node);
  }

  /**
   * Returns the string member {@code name}.
   *
   * @throws XctException if it is absent or not a string
   */
  public static String text(JsonNode node, String name) {
    JsonNode value = node == null ? null : node.get(name);
    if (value == null || !value.isString()) {
      throw new XctException("expected a string member '" + name + "' in " + node);
    }
    return value.stringValue();
  }
}
