package dev.xct.tools.fs.internal;

import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Denies fs proposals whose paths leave the roots, hit a deny glob or a read-only root, or whose
 * content is over the write cap, before anything runs. Proposals for other tools pass. It reads
 * file metadata (to resolve links) but changes nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class FsValidator implements Validator {
  /** The name recorded with each verdict. */
  public static final String NAME = "fs-confinement";

  private final Map<String, FsTool<?>> tools;

  /** Creates the validator for {@code tools}. */
  public FsValidator(List<FsTool<?>> tools) {
    Map<String, FsTool<?>> byName = new LinkedHashMap<>();
    tools.forEach(tool -> byName.put(tool.spec().name(), tool));
    this.tools = Map.copyOf(byName);
  }

  @Override
  public Verdict check(Proposal proposal, ValidationContext context) {
    FsTool<?> tool = tools.get(proposal.tool());
    if (tool == null) {
      return Verdict.allow();
    }
    Optional<Result.Failure> failure = tool.precheck(proposal.arguments());
    if (failure.isEmpty()) {
      return Verdict.allow();
    }
    Result.Failure f = failure.get();
    return new Verdict.Deny(f.code(), f.message(), f.details());
  }

  @Override
  public String name() {
    return NAME;
  }
}
