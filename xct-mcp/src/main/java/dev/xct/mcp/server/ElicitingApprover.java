package dev.xct.mcp.server;

import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Approver;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the host's user, through MCP elicitation, whether the call being decided may run; denies
 * with a reason saying why when the host declared no {@code elicitation} capability, when the user
 * declines or cancels, or when the elicitation request fails. Thread-safe.
 */
final class ElicitingApprover implements Approver {
  private static final Logger LOG = LoggerFactory.getLogger(ElicitingApprover.class);

  private final HostBridge bridge;

  ElicitingApprover(HostBridge bridge) {
    this.bridge = bridge;
  }

  @Override
  public ApprovalDecision decide(ApprovalRequest request) {
    HostCall call = bridge.current();
    if (call == null || call.exchange() == null) {
      return ApprovalDecision.deny("no MCP host call to ask about");
    }
    McpSchema.ClientCapabilities capabilities = call.exchange().getClientCapabilities();
    if (capabilities == null || capabilities.elicitation() == null) {
      return ApprovalDecision.deny(
          "this call needs a person's approval ("
              + request.reason()
              + "), but the MCP host does not support elicitation, so XCT cannot ask and denies"
              + " it; use a host with elicitation, or change the policy's rule");
    }
    String message =
        "XCT asks your approval to run "
            + request.spec().name()
            + " with "
            + request.proposal().arguments().toJson()
            + " (because: "
            + request.reason()
            + "). Accept to run it, decline to deny it.";
    McpSchema.ElicitResult answer;
    try {
      answer =
          call.exchange()
              .createElicitation(
                  McpSchema.ElicitFormRequest.builder(
                          message, Map.of("type", "object", "properties", Map.of()))
                      .build());
    } catch (RuntimeException e) {
      LOG.warn("elicitation for {} failed", request.spec().name(), e);
      return ApprovalDecision.deny("asking the MCP host for approval failed: " + e.getMessage());
    }
    if (answer.action() == McpSchema.ElicitResult.Action.ACCEPT) {
      McpSchema.Implementation host = call.exchange().getClientInfo();
      return ApprovalDecision.approve(
          request, "the user of MCP host " + (host == null ? "(unnamed)" : host.name()));
    }
    return ApprovalDecision.deny(
        answer.action() == McpSchema.ElicitResult.Action.DECLINE
            ? "the MCP host's user declined the approval"
            : "the MCP host's user cancelled the approval");
  }
}
