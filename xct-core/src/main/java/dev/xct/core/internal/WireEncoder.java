package dev.xct.core.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import tools.jackson.databind.node.ObjectNode;

/** Builds the wire JSON of results and decisions. Stateless and thread-safe. */
public final class WireEncoder {
  private WireEncoder() {}

  /** Returns the wire form of a result. */
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

  /** Returns the canonical wire form of a decision. */
  public static JsonValue toWire(Decision decision) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    if (decision instanceof Decision.Proposal proposal) {
      ObjectNode step = out.putObject("next_step");
      step.put("tool", proposal.tool());
      step.set("arguments", Json.node(proposal.arguments()));
      if (!proposal.goal().isEmpty()) {
        step.put("goal", proposal.goal());
      }
    } else if (decision instanceof Decision.Done done) {
      out.put("done", true);
      out.put("message", done.message());
    }
    return Json.adopt(out);
  }
}
