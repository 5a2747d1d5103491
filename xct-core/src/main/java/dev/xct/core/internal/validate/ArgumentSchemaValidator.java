package dev.xct.core.internal.validate;

import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.SchemaViolation;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.List;
import java.util.Map;

/** Denies proposals whose arguments fail the tool's compiled input schema. */
public final class ArgumentSchemaValidator implements Validator {
  /** The shared instance. */
  public static final ArgumentSchemaValidator INSTANCE = new ArgumentSchemaValidator();

  private ArgumentSchemaValidator() {}

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    if (!context.tools().contains(proposal.tool())) {
      // Not this validator's concern; known-tool reports it. Fail closed all the same.
      return Verdict.deny(
          ErrorCodes.UNKNOWN_TOOL, "no tool named '" + ToolNames.abbreviate(proposal.tool()) + "'");
    }
    List<SchemaViolation> violations =
        context.tools().validate(proposal.tool(), proposal.arguments());
    if (violations.isEmpty()) {
      return Verdict.allow();
    }
    List<Map<String, String>> listed =
        violations.stream()
            .map(
                v -> Map.of("pointer", v.pointer(), "keyword", v.keyword(), "message", v.message()))
            .toList();
    return Verdict.deny(
        ErrorCodes.INVALID_ARGUMENTS,
        "arguments of '"
            + proposal.tool()
            + "' do not match its schema: "
            + violations.get(0).message()
            + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""),
        Map.of("violations", listed));
  }

  @Override
  public String name() {
    return "argument-schema";
  }
}
