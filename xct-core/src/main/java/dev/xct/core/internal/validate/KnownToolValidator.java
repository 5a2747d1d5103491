package dev.xct.core.internal.validate;

import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.List;
import java.util.Map;

/** Denies proposals that name a tool the registry does not hold. */
public final class KnownToolValidator implements Validator {
  /** The shared instance. */
  public static final KnownToolValidator INSTANCE = new KnownToolValidator();

  private KnownToolValidator() {}

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    if (context.tools().contains(proposal.tool())) {
      return Verdict.allow();
    }
    List<String> available = context.tools().specs().stream().map(ToolSpec::name).toList();
    return Verdict.deny(
        ErrorCodes.UNKNOWN_TOOL,
        "there is no tool named '"
            + ToolNames.abbreviate(proposal.tool())
            + "'; use one of "
            + available,
        Map.of("tool", ToolNames.abbreviate(proposal.tool()), "available", available));
  }

  @Override
  public String name() {
    return "known-tool";
  }
}
