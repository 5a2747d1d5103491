package dev.xct.core.internal.validate;

import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.Map;
import java.util.Objects;

/**
 * Stops the run with {@code TOOL_QUOTA_EXCEEDED} when a proposal names a tool that has already been
 * executed as often as its quota allows; tools without a quota are unlimited.
 */
public final class ToolQuotaValidator implements Validator {
  private final Map<String, Integer> quotas;

  /**
   * Creates the validator.
   *
   * @throws XctException if a quota is not positive or names an invalid tool
   */
  public ToolQuotaValidator(Map<String, Integer> quotas) {
    Objects.requireNonNull(quotas, "quotas");
    quotas.forEach(
        (tool, quota) -> {
          if (!ToolSpec.isValidName(tool) || quota == null || quota <= 0) {
            throw new XctException("quota for tool '" + tool + "' must be positive, was: " + quota);
          }
        });
    this.quotas = Map.copyOf(quotas);
  }

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    Integer quota = quotas.get(proposal.tool());
    if (quota == null) {
      return Verdict.allow();
    }
    int executed = context.stats().executions(proposal.tool());
    if (executed < quota) {
      return Verdict.allow();
    }
    return Verdict.limitReached(
        ErrorCodes.TOOL_QUOTA_EXCEEDED,
        "the tool '"
            + proposal.tool()
            + "' has been executed "
            + executed
            + " times, its quota for this run is "
            + quota);
  }

  @Override
  public String name() {
    return "tool-quotas";
  }
}
