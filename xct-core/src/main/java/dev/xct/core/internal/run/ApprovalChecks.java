package dev.xct.core.internal.run;

import dev.xct.core.VerdictRecord;
import dev.xct.core.internal.validate.ApprovalGate;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Verdict;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, after the whole chain allowed a step a person approved later, that the approval still
 * holds: it has not expired, and the target still is what the preview showed (the tool's
 * fingerprint is unchanged). Each failed check is a denial under the loop's own name, so the model
 * reads why nothing ran. Stateless.
 */
final class ApprovalChecks {
  private static final Logger LOG = LoggerFactory.getLogger(ApprovalChecks.class);

  private ApprovalChecks() {}

  /** Returns the denial that voids {@code held} for {@code call} at {@code now}, if any. */
  static Optional<VerdictRecord> voiding(
      PendingApproval held, Tool tool, ToolCall call, String runId, int step, Instant now) {
    Map<String, Object> details = Map.of("tool", call.tool(), "step", step);
    if (held.expiredAt(now)) {
      return deny(
          "approval-expiry",
          ErrorCodes.APPROVAL_EXPIRED,
          "the approval request expired at " + held.expiresAt() + "; nothing was run",
          details);
    }
    Optional<String> current;
    try {
      current = ApprovalGate.fingerprint(tool, call, ApprovalGate.probe(runId, step, now));
    } catch (RuntimeException e) {
      LOG.warn("fingerprint of tool '{}' failed; the approval is void", call.tool(), e);
      current = null;
    }
    if (!held.fingerprint().equals(current)) {
      return deny(
          "approval-fingerprint",
          ErrorCodes.APPROVAL_STALE,
          "what tool '"
              + call.tool()
              + "' would change is no longer what the person approved (its target changed since"
              + " the preview); the approval is void and nothing was run",
          details);
    }
    return Optional.empty();
  }

  private static Optional<VerdictRecord> deny(
      String check, String code, String reason, Map<String, Object> details) {
    return Optional.of(new VerdictRecord(check, Verdict.deny(code, reason, details)));
  }
}
