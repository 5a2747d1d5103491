package dev.xct.temporal.internal;

import dev.xct.core.ModelClient;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.event.Redactor;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Validator;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Everything a {@code TemporalLoop} was built with, shared by its workflow and its activities.
 * Immutable.
 *
 * @param model the user's model client, called by the model activity only
 * @param tools the user's tools, run by the tool activity only; the workflow sees their specs
 * @param validators the user's validators in order, after the built-in chain
 * @param toolGrace how long past a tool's timeout Temporal waits for its activity's report before
 *     it counts the worker as lost
 * @param modelRetry the model activity's retry options (one attempt unless configured)
 * @param idempotentToolAttempts attempts for a tool whose spec says it is idempotent
 * @param maxResultBytes the largest tool outcome, as its journal line, kept in workflow history
 * @param toolExecutor where the tool activity runs tools, so that their timeout is enforced
 */
public record RunSettings(
    ModelClient model,
    ToolRegistry tools,
    List<NamedValidator> validators,
    Budgets budgets,
    ProtocolCodec codec,
    ContextRenderer renderer,
    Redactor redactor,
    Duration toolTimeout,
    Duration toolGrace,
    Duration modelTimeout,
    RetryOptions modelRetry,
    int idempotentToolAttempts,
    int maxResultBytes,
    ExecutorService toolExecutor) {
  /** Copies the list. */
  public RunSettings {
    validators = List.copyOf(validators);
  }

  /** A validator and the name it is registered under ({@code null}: its own). */
  public record NamedValidator(String name, Validator validator) {}
}
