package dev.xct.tools.shell.internal;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;

/**
 * Implements {@code shell.exec}: checks the call with the same {@link CommandPolicy} as the
 * validator (so a call that skipped the validator chain is refused all the same), then runs it.
 * Immutable and thread-safe.
 */
public final class ShellExecTool implements Tool {
  private final ToolSpec spec;
  private final CommandPolicy policy;
  private final ProcessRunner runner;

  /** Creates the tool described by {@code spec}, enforcing {@code policy}. */
  public ShellExecTool(ToolSpec spec, CommandPolicy policy) {
    this.spec = spec;
    this.policy = policy;
    this.runner = new ProcessRunner(policy.config());
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    CommandPolicy.Checked checked = policy.check(call.arguments());
    if (checked instanceof CommandPolicy.Rejected rejected) {
      return rejected.failure();
    }
    return runner.run(((CommandPolicy.Accepted) checked).command(), context);
  }
}
