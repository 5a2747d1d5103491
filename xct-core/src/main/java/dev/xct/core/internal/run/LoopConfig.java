package dev.xct.core.internal.run;

import dev.xct.core.ModelClient;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunListener;
import dev.xct.core.journal.Journal;
import dev.xct.core.journal.ResumePolicy;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Validators;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Everything an {@link dev.xct.core.loop.ExecutionLoop} was built with. Immutable; shared by all
 * runs.
 *
 * @param chain the validators, made into a chain once for all runs
 * @param toolExecutor where tools run; {@code null} runs them on the run's own thread
 * @param journal where events are journaled before anyone acts on them; {@code null} for none
 * @param redactor masks secrets in every recorded event
 * @param resumePolicy what resume does with a step whose outcome is unknown
 */
public record LoopConfig(
    ModelClient model,
    ToolRegistry tools,
    ValidatorChain chain,
    Budgets budgets,
    ProtocolCodec codec,
    ContextRenderer renderer,
    List<RunListener> listeners,
    Clock clock,
    Supplier<String> runIds,
    Duration toolTimeout,
    ExecutorService toolExecutor,
    Journal journal,
    Redactor redactor,
    ResumePolicy resumePolicy) {
  /** Copies the list. */
  public LoopConfig {
    listeners = List.copyOf(listeners);
  }

  /**
   * Returns the whole chain: the built-in checks (known tool, argument schema, the tool quotas if
   * {@code budgets} set any), then the toolkits' validators, then the ones added one by one.
   */
  public static ValidatorChain chain(
      Budgets budgets, List<Validator> toolkits, List<Validator> added) {
    List<Validator> chain = new ArrayList<>();
    chain.add(Validators.knownTool());
    chain.add(Validators.argumentSchema());
    if (!budgets.toolQuotas().isEmpty()) {
      chain.add(Validators.toolQuotas(budgets));
    }
    chain.addAll(toolkits);
    chain.addAll(added);
    return new ValidatorChain(chain);
  }
}
