package dev.xct.tools.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.shell.internal.check.CommandPolicy;
import dev.xct.tools.shell.internal.check.Preflight;
import dev.xct.tools.shell.internal.run.PreparedCommand;
import dev.xct.tools.shell.internal.run.ProcessRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Implements {@code shell.exec}: checks the call with the same {@link CommandPolicy} as the
 * validator (so a call that skipped the validator chain is refused all the same), runs the
 * preflights the programs' profiles ask for (git's repository check), then runs it. Immutable and
 * thread-safe.
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

  /**
   * Describes exactly what would run, for an approver: the OS argv with the resolved executables
   * and the integrator's fixed arguments, the working directory, the timeout, the variables the
   * programs' rules set and whether the sandbox is on; or the refusal. Runs nothing (not even the
   * repository check, which runs git).
   */
  @Override
  public Optional<JsonValue> preview(ToolCall call, ToolContext context) {
    CommandPolicy.Checked checked = policy.check(call.arguments());
    Map<String, Object> preview = new LinkedHashMap<>();
    if (checked instanceof CommandPolicy.Rejected rejected) {
      preview.put("refused", rejected.failure().code());
      preview.put("reason", rejected.failure().message());
    } else {
      PreparedCommand command = ((CommandPolicy.Accepted) checked).command();
      preview.put("command", command.command());
      preview.put("cwd", command.directory().toString());
      preview.put("timeout_ms", command.timeout().toMillis());
      preview.put(
          "stdin_bytes", command.stdin().map(text -> text.getBytes(UTF_8).length).orElse(0));
      preview.put("environment", command.environment());
      preview.put("sandbox", policy.config().sandbox().isPresent());
    }
    return Optional.of(JsonValue.from(preview));
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    CommandPolicy.Checked checked = policy.check(call.arguments());
    if (checked instanceof CommandPolicy.Rejected rejected) {
      return rejected.failure();
    }
    CommandPolicy.Accepted accepted = (CommandPolicy.Accepted) checked;
    for (Preflight preflight : accepted.preflights()) {
      Optional<Result.Failure> refused = preflight.check(runner, context);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    return runner.run(accepted.command(), context);
  }
}
