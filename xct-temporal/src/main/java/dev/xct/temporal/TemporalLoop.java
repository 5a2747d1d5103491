package dev.xct.temporal;

import dev.xct.core.ModelClient;
import dev.xct.core.XctException;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.event.Redactor;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Validator;
import dev.xct.temporal.internal.ModelActivityImpl;
import dev.xct.temporal.internal.RunSettings;
import dev.xct.temporal.internal.ToolActivityImpl;
import dev.xct.temporal.internal.XctWorkflowImpl;
import io.temporal.common.RetryOptions;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs XCT loops as Temporal workflows with the same {@code ModelClient}, tools, validators and
 * budgets as an in-process {@code ExecutionLoop}: {@link #register(Worker)} puts the {@link
 * XctWorkflow} and its two activities on a worker. The loop's sequencing, decoding, validation and
 * budgets run as workflow code (core's own loop); each model call and each tool call is one
 * activity, with no retries Temporal would add by default: a tool gets one attempt unless its spec
 * says it is idempotent, and the model activity retries only as {@link Builder#modelRetry} says. A
 * run an approver defers waits durably for an answer signal; approvers run as workflow code, so
 * they must be deterministic (defer, or a pure rule). See {@code docs/temporal.md}.
 *
 * <p>Immutable and thread-safe; register the same loop on every worker of a task queue.
 */
public final class TemporalLoop {
  /** The code of a tool outcome too large to keep in workflow history; the tool did run. */
  public static final String RESULT_TOO_LARGE = ToolActivityImpl.RESULT_TOO_LARGE;

  private static final ExecutorService TOOL_THREADS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "xct-temporal-tool");
            thread.setDaemon(true);
            return thread;
          });

  private final RunSettings settings;

  private TemporalLoop(RunSettings settings) {
    this.settings = settings;
  }

  /** Starts building a loop around {@code model} that dispatches to {@code tools}. */
  public static Builder builder(ModelClient model, ToolRegistry tools) {
    return new Builder(model, tools);
  }

  /**
   * Registers the {@link XctWorkflow} implementation and the model and tool activities on {@code
   * worker}. A worker that should only run workflows, or only activities, still registers both: the
   * workflow needs the tools' specs, the activities the model and the tools.
   */
  public void register(Worker worker) {
    worker.registerWorkflowImplementationFactory(
        XctWorkflow.class, () -> new XctWorkflowImpl(settings));
    worker.registerActivitiesImplementations(
        new ModelActivityImpl(settings), new ToolActivityImpl(settings));
  }

  /** Configures a {@link TemporalLoop}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final ModelClient model;
    private final ToolRegistry tools;
    private final List<RunSettings.NamedValidator> validators = new ArrayList<>();
    private Budgets budgets = Budgets.defaults();
    private ProtocolCodec codec = ProtocolCodec.strict();
    private ContextRenderer renderer = DefaultContextRenderer.create();
    private Redactor redactor = Redactor.defaults();
    private Duration toolTimeout = Duration.ofSeconds(60);
    private Duration toolGrace = Duration.ofSeconds(30);
    private Duration modelTimeout = Duration.ofMinutes(5);
    private RetryOptions modelRetry = RetryOptions.newBuilder().setMaximumAttempts(1).build();
    private int idempotentToolAttempts = 3;
    private int maxResultBytes = 256 * 1024;

    private Builder(ModelClient model, ToolRegistry tools) {
      this.model = Objects.requireNonNull(model, "model");
      this.tools = Objects.requireNonNull(tools, "tools");
    }

    /** Adds a validator after the built-in chain, as {@code ExecutionLoop.Builder} does. */
    public Builder validator(Validator validator) {
      validators.add(new RunSettings.NamedValidator(null, validator));
      return this;
    }

    /** Adds a validator under {@code name}, as {@code ExecutionLoop.Builder} does. */
    public Builder validator(String name, Validator validator) {
      validators.add(new RunSettings.NamedValidator(name, validator));
      return this;
    }

    /** Sets the run's budgets (default {@link Budgets#defaults()}); measured in workflow time. */
    public Builder budgets(Budgets budgets) {
      this.budgets = Objects.requireNonNull(budgets, "budgets");
      return this;
    }

    /** Sets how replies are decoded (default strict). */
    public Builder codec(ProtocolCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** Sets what the model sees each step; it runs in the model activity, on the worker. */
    public Builder renderer(ContextRenderer renderer) {
      this.renderer = Objects.requireNonNull(renderer, "renderer");
      return this;
    }

    /** Sets what masks secrets in the events the workflow's query returns. */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** Sets the default tool timeout (default 60 s); a tool's own timeout takes precedence. */
    public Builder toolTimeout(Duration timeout) {
      this.toolTimeout = positive(timeout, "tool timeout");
      return this;
    }

    /**
     * Sets how long past a tool's timeout Temporal waits for the worker's report (default 30 s)
     * before the call's outcome counts as unknown.
     */
    public Builder toolGrace(Duration grace) {
      this.toolGrace = positive(grace, "tool grace");
      return this;
    }

    /** Sets the model activity's start-to-close timeout (default 5 min; never past the run's). */
    public Builder modelTimeout(Duration timeout) {
      this.modelTimeout = positive(timeout, "model timeout");
      return this;
    }

    /**
     * Sets the model activity's retry options (default: one attempt), for a client whose documented
     * policy is to be retried by its caller.
     */
    public Builder modelRetry(RetryOptions retry) {
      this.modelRetry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * Sets the attempts of a tool whose spec says it is idempotent (default 3); every other tool
     * has exactly one.
     *
     * @throws XctException if below 1
     */
    public Builder idempotentToolAttempts(int attempts) {
      if (attempts < 1) {
        throw new XctException("idempotent tool attempts must be at least 1, was: " + attempts);
      }
      this.idempotentToolAttempts = attempts;
      return this;
    }

    /**
     * Sets the largest tool outcome kept in workflow history, in bytes of its journal line (default
     * 256 KiB; Temporal refuses payloads over 2 MiB); a larger one reaches the model as {@link
     * #RESULT_TOO_LARGE}.
     *
     * @throws XctException if below 1 KiB
     */
    public Builder maxResultBytes(int bytes) {
      if (bytes < 1024) {
        throw new XctException("max result bytes must be at least 1024, was: " + bytes);
      }
      this.maxResultBytes = bytes;
      return this;
    }

    /** Returns the immutable loop. */
    public TemporalLoop build() {
      return new TemporalLoop(
          new RunSettings(
              model,
              tools,
              validators,
              budgets,
              codec,
              renderer,
              redactor,
              toolTimeout,
              toolGrace,
              modelTimeout,
              modelRetry,
              idempotentToolAttempts,
              maxResultBytes,
              TOOL_THREADS));
    }

    private static Duration positive(Duration value, String what) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new XctException(what + " must be positive, was: " + value);
      }
      return value;
    }
  }
}
