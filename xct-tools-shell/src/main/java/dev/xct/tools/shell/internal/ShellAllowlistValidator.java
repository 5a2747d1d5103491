package dev.xct.tools.shell.internal;

import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import dev.xct.tools.shell.internal.check.CommandPolicy;

/**
 * Denies {@code shell.exec} proposals that {@link CommandPolicy} refuses, before anything runs;
 * proposals for other tools pass untouched. Immutable and thread-safe.
 */
public final class ShellAllowlistValidator implements Validator {
  /** The name recorded with this validator's verdicts. */
  public static final String NAME = "shell-allowlist";

  private final String toolName;
  private final CommandPolicy policy;

  /** Creates the validator for the tool named {@code toolName}. */
  public ShellAllowlistValidator(String toolName, CommandPolicy policy) {
    this.toolName = toolName;
    this.policy = policy;
  }

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    if (!proposal.tool().equals(toolName)) {
      return Verdict.allow();
    }
    CommandPolicy.Checked checked = policy.check(proposal.arguments());
    if (checked instanceof CommandPolicy.Rejected rejected) {
      Result.Failure failure = rejected.failure();
      return new Verdict.Deny(failure.code(), failure.message(), failure.details());
    }
    return Verdict.allow();
  }

  @Override
  public String name() {
    return NAME;
  }
}
