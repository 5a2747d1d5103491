package dev.xct.cli.internal.agent;

import dev.xct.core.ModelClient;
import dev.xct.core.Toolkit;
import dev.xct.core.event.RunListener;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Approver;
import dev.xct.core.validate.Validators;
import dev.xct.policy.PolicyFile;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Assembles an {@link ExecutionLoop} from a policy file, a toolkit, a model and an approver, the
 * same way for the demo, {@code run} and {@code replay}: only the tools the file offers are
 * registered, the toolkit's validators run after the built-ins, the file's rules run last with the
 * approver, and the file's budgets, tool timeout and reply size limit apply.
 */
public final class AgentLoop {
  private AgentLoop() {}

  /**
   * Returns the loop's builder, ready to build; {@code clock} and {@code runIds} make runs
   * reproducible when fixed.
   */
  public static ExecutionLoop.Builder builder(
      PolicyFile policy,
      Toolkit toolkit,
      ModelClient model,
      Approver approver,
      List<RunListener> listeners,
      Clock clock,
      Supplier<String> runIds) {
    List<Tool> offered =
        toolkit.tools().stream().filter(tool -> policy.offers(tool.spec().name())).toList();
    ExecutionLoop.Builder builder =
        ExecutionLoop.builder(model, ToolRegistry.empty())
            .toolkit(Toolkit.of(offered, toolkit.validators()))
            .budgets(policy.budgets())
            .clock(clock)
            .runIds(runIds);
    policy.toolTimeout().ifPresent(builder::toolTimeout);
    policy
        .maxReplyChars()
        .ifPresent(chars -> builder.codec(ProtocolCodec.builder().maxChars(chars).build()));
    builder.validator(Validators.policy(policy.policy(), approver, policy.approval()));
    listeners.forEach(builder::listener);
    return builder;
  }
}
