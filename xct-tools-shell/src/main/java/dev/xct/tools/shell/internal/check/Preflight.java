package dev.xct.tools.shell.internal.check;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.shell.internal.run.ProcessRunner;
import java.util.Optional;

/**
 * Inspects the world right before a checked command runs, where the arguments alone cannot decide
 * (which repository git would open, and what its configuration says). Runs in the tool only, never
 * in the validator or a preview, because it may start processes. Implementations are immutable and
 * thread-safe.
 */
public interface Preflight {
  /** Returns the refusal for the model if the command must not run; empty to let it run. */
  Optional<Result.Failure> check(ProcessRunner runner, ToolContext context);
}
