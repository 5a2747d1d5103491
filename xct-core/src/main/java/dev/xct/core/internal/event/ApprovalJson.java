package dev.xct.core.internal.event;

import static dev.xct.core.internal.codec.WireDecoder.text;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.json.Json;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.PendingApproval;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps the approval events ({@code approval_requested}, {@code approval_decided}, {@code
 * approval_expired}) to their JSON members and back; {@link EventJson} and {@link EventParser}
 * write and read the members every event shares. A request's {@code askedAt} is its event's {@code
 * at}. Stateless and thread-safe.
 */
final class ApprovalJson {
  private ApprovalJson() {}

  /** Returns the line type of an approval event, or null if {@code event} is none. */
  static String type(RunEvent event) {
    if (event instanceof RunEvent.ApprovalRequested) {
      return "approval_requested";
    } else if (event instanceof RunEvent.ApprovalDecided) {
      return "approval_decided";
    } else if (event instanceof RunEvent.ApprovalExpired) {
      return "approval_expired";
    }
    return null;
  }

  /** Writes the members of an approval event into {@code out}. */
  static void write(RunEvent event, ObjectNode out) {
    if (event instanceof RunEvent.ApprovalRequested requested) {
      PendingApproval request = requested.request();
      out.put("validator", requested.validator());
      out.put("tool", request.call().tool());
      out.set("arguments", Json.node(request.call().arguments()));
      out.put("goal", request.call().goal());
      out.put("action", request.action().hex());
      out.set("preview", Json.node(request.preview()));
      out.put("reason", request.reason());
      out.put("destructive", request.destructive());
      out.put("expires_at", request.expiresAt().toString());
      request.fingerprint().ifPresent(f -> out.put("fingerprint", f));
    } else if (event instanceof RunEvent.ApprovalDecided decided) {
      out.put("action", decided.action().hex());
      out.put("decided_by", decided.decidedBy());
      ApprovalDecision decision = decided.decision();
      if (decision instanceof ApprovalDecision.Deny deny) {
        out.put("decision", "deny");
        out.put("reason", deny.reason());
      } else if (decision instanceof ApprovalDecision.Stop stop) {
        out.put("decision", "stop");
        out.put("reason", stop.reason());
      } else {
        out.put("decision", "approve");
      }
      decided.refused().ifPresent(code -> out.put("refused", code));
    } else if (event instanceof RunEvent.ApprovalExpired expired) {
      out.put("action", expired.action().hex());
    }
  }

  /** Reads an approval event of {@code type} from {@code in}. */
  static RunEvent read(String type, JsonNode in, String runId, int step, Instant at) {
    ActionDigest action = new ActionDigest(text(in, "action"));
    switch (type) {
      case "approval_requested":
        JsonNode fingerprint = in.get("fingerprint");
        PendingApproval request =
            new PendingApproval(
                runId,
                step,
                new ToolCall(text(in, "tool"), JsonValue.of(in.get("arguments")), text(in, "goal")),
                action,
                JsonValue.of(in.get("preview")),
                text(in, "reason"),
                in.get("destructive").asBoolean(),
                at,
                Instant.parse(text(in, "expires_at")),
                Optional.ofNullable(fingerprint).map(JsonNode::asString));
        return new RunEvent.ApprovalRequested(runId, step, at, text(in, "validator"), request);
      case "approval_decided":
        String by = text(in, "decided_by");
        String kind = text(in, "decision");
        ApprovalDecision decision =
            switch (kind) {
              case "approve" -> new ApprovalDecision.Approve(action, by);
              case "deny" -> ApprovalDecision.deny(text(in, "reason"));
              case "stop" -> ApprovalDecision.stop(text(in, "reason"));
              default -> throw new XctException("unknown approval decision '" + kind + "'");
            };
        return new RunEvent.ApprovalDecided(
            runId,
            step,
            at,
            action,
            by,
            decision,
            Optional.ofNullable(in.get("refused")).map(JsonNode::asString));
      default:
        return new RunEvent.ApprovalExpired(runId, step, at, action);
    }
  }
}
