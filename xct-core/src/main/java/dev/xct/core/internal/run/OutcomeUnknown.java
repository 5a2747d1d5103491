package dev.xct.core.internal.run;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a tool call a crash interrupted, whose outcome nobody knows. Stateless. Public for the
 * Temporal module, whose lost tool activities are reported the same way.
 */
public final class OutcomeUnknown {
  private OutcomeUnknown() {}

  /**
   * Returns the failure the model reads for {@code call} of step {@code number}: the tool, the
   * step, whether the tool is idempotent and, if it offered one, its read-only {@code check}.
   */
  public static Result.Failure failure(
      ToolCall call, int number, boolean idempotent, Optional<JsonValue> check) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tool", call.tool());
    details.put("step", number);
    details.put("idempotent", idempotent);
    check.ifPresent(found -> details.put("check", found.toNode()));
    return Result.failure(
        ErrorCodes.OUTCOME_UNKNOWN,
        "step "
            + number
            + " was interrupted while tool '"
            + call.tool()
            + "' ran: whether it took effect is unknown, and it was not run again; find out"
            + " before proposing it again",
        details);
  }
}
