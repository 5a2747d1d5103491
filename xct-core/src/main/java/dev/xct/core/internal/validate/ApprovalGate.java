package dev.xct.core.internal.validate;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Approver;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presents one proposal to an {@link Approver} and turns the answer into a verdict bound to the
 * proposal's {@link ActionDigest}: an approval of any other action is refused with {@code
 * APPROVAL_MISMATCH}. A deferred answer becomes a {@link Verdict.Deferred} holding the request with
 * its expiry and the tool's fingerprint; an approval a person gave later for this exact action
 * ({@link ValidationContext#granted()}) is returned without asking again. Whatever the approver or
 * the fingerprint throws propagates, so the loop denies the step with {@code VALIDATOR_ERROR}
 * rather than letting it through. Immutable and thread-safe if the approver is.
 */
public final class ApprovalGate {
  /** How long a tool's preview may take; advisory, since previews must be quick and pure. */
  static final Duration PREVIEW_DEADLINE = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalGate.class);

  private final Approver approver;

  /** Creates a gate asking {@code approver}. */
  public ApprovalGate(Approver approver) {
    this.approver = Objects.requireNonNull(approver, "approver");
  }

  /**
   * Asks the approver about {@code proposal}; {@code reason} tells the person why, {@code details}
   * are added to any denial.
   *
   * @throws XctException if the approver returns null; anything the approver throws propagates
   */
  public Verdict ask(
      Proposal proposal, ValidationContext context, String reason, Map<String, Object> details) {
    Optional<Tool> tool = context.tools().find(proposal.tool());
    if (tool.isEmpty()) {
      return Verdict.deny(
          ErrorCodes.UNKNOWN_TOOL,
          "there is no tool named '" + ToolNames.abbreviate(proposal.tool()) + "'",
          details);
    }
    ActionDigest action = ActionDigest.of(proposal.tool(), proposal.arguments());
    Optional<Verdict.Approved> granted = context.granted();
    if (granted.isPresent() && granted.get().action().equals(action)) {
      return granted.get();
    }
    ApprovalRequest request =
        new ApprovalRequest(
            context.runId(),
            context.step(),
            proposal,
            context.spec(proposal.tool()).orElseThrow(),
            action,
            reason,
            preview(tool.get(), proposal, context));
    ApprovalDecision decision = approver.decide(request);
    if (decision == null) {
      throw new XctException("approver " + approver.getClass().getName() + " returned null");
    }
    if (decision instanceof ApprovalDecision.Approve approve) {
      if (!approve.action().equals(action)) {
        Map<String, Object> mismatch = new LinkedHashMap<>(details);
        mismatch.put("expected", action.hex());
        mismatch.put("approved", approve.action().hex());
        return Verdict.deny(
            ErrorCodes.APPROVAL_MISMATCH,
            "the approval given by "
                + approve.approver()
                + " is for a different action than the one proposed",
            mismatch);
      }
      return new Verdict.Approved(action, approve.approver());
    }
    if (decision instanceof ApprovalDecision.Deny deny) {
      String why = deny.reason().isBlank() ? "the approver refused this action" : deny.reason();
      return Verdict.deny(ErrorCodes.APPROVAL_DENIED, why, details);
    }
    if (decision instanceof ApprovalDecision.Stop stop) {
      String why = stop.reason().isBlank() ? "the approver stopped the run" : stop.reason();
      return Verdict.stop(ErrorCodes.APPROVAL_STOPPED, why);
    }
    if (decision instanceof ApprovalDecision.Defer defer) {
      ToolCall call = new ToolCall(proposal.tool(), proposal.arguments(), proposal.goal());
      return new Verdict.Deferred(
          new PendingApproval(
              context.runId(),
              context.step(),
              call,
              action,
              request.preview(),
              reason,
              request.spec().hints().destructive(),
              context.now(),
              context.now().plus(defer.validFor()),
              fingerprint(
                  tool.get(), call, probe(context.runId(), context.step(), context.now()))));
    }
    throw new XctException("unknown approval decision " + decision);
  }

  /**
   * Returns {@code tool}'s fingerprint of {@code call}.
   *
   * @throws XctException if the tool returns null; whatever it throws propagates
   */
  public static Optional<String> fingerprint(Tool tool, ToolCall call, ToolContext context) {
    Optional<String> fingerprint = tool.fingerprint(call, context);
    if (fingerprint == null) {
      throw new XctException("fingerprint of tool '" + call.tool() + "' returned null");
    }
    return fingerprint;
  }

  /** Returns the context a preview or a fingerprint is made in: a short deadline, a fixed clock. */
  public static ToolContext probe(String runId, int step, Instant now) {
    return new ToolContext(
        runId,
        step,
        now.plus(PREVIEW_DEADLINE),
        CancellationToken.create(),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  /** Returns the tool's preview, or JSON null when it has none or fails to produce one. */
  private static JsonValue preview(Tool tool, Proposal proposal, ValidationContext context) {
    ToolCall call = new ToolCall(proposal.tool(), proposal.arguments(), proposal.goal());
    ToolContext toolContext = probe(context.runId(), context.step(), context.now());
    try {
      Optional<JsonValue> preview = tool.preview(call, toolContext);
      if (preview == null) {
        LOG.warn("preview of tool '{}' returned null instead of an Optional", proposal.tool());
        return JsonValue.nullValue();
      }
      return preview.orElse(JsonValue.nullValue());
    } catch (RuntimeException e) {
      LOG.warn(
          "preview of tool '{}' failed in run {} step {}; asking without a preview",
          proposal.tool(),
          context.runId(),
          context.step(),
          e);
      return JsonValue.nullValue();
    }
  }
}
