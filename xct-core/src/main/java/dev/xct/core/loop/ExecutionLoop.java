package dev.xct.core.loop;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Toolkit;
import dev.xct.core.XctException;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.event.Redactor;
import dev.xct.core.event.RunListener;
import dev.xct.core.internal.run.LoopConfig;
import dev.xct.core.internal.run.RunEngine;
import dev.xct.core.internal.run.ToolThreads;
import dev.xct.core.internal.validate.DurationLimit;
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
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Owns the execution loop: asks the model for one decision, decodes it, runs the validator chain,
 * executes the tool only if every validator allowed it, returns the outcome to the model as data,
 * and repeats until the model says done, a validator stops the run, a budget runs out, the caller
 * cancels, or the model client fails.
 *
 * <p>The chain always begins with the built-in {@link Validators#knownTool()} and {@link
 * Validators#argumentSchema()} checks, then the tool quotas from {@link Budgets} (if any), then the
 * validators of the {@linkplain Builder#toolkit(Toolkit) toolkits}, then the validators added with
 * {@link Builder#validator(Validator)}, each group in the order it was added. Nothing is retried: a
 * failed step is reported to the model, which decides what to do next.
 *
 * <p>With a {@link Journal} ({@link Builder#journal(Journal)}) every event is journaled before
 * listeners see it and a tool runs only after its intent is journaled; a journal failure stops the
 * run ({@code JOURNAL_FAILED}). A run interrupted by a crash continues with {@link
 * #resume(String)}. Every recorded event passes the {@link Redactor} first.
 *
 * <p>Immutable and thread-safe: one loop serves many concurrent runs, each with its own state.
 */
public final class ExecutionLoop {
  private final LoopConfig config;

  private ExecutionLoop(LoopConfig config) {
    this.config = config;
  }

  /** Starts building a loop around {@code model} that dispatches to {@code tools}. */
  public static Builder builder(ModelClient model, ToolRegistry tools) {
    return new Builder(model, tools);
  }

  /** Runs {@code task} to the end on the calling thread; never throws for model or tool trouble. */
  public RunResult run(String task) {
    return run(task, CancellationToken.create());
  }

  /**
   * Runs {@code task} to the end on the calling thread; cancelling {@code cancellation} ends the
   * run with {@link RunStatus#CANCELLED} at the next safe point and signals a running tool. A model
   * call in flight is abandoned at once: its {@link ModelRequest#cancellation()} is cancelled, and
   * the reply, should it still come, is dropped.
   */
  public RunResult run(String task, CancellationToken cancellation) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(cancellation, "cancellation");
    return RunEngine.run(config, task, cancellation);
  }

  /** Continues a run from the journal; see {@link #resume(String, CancellationToken)}. */
  public RunResult resume(String runId) {
    return resume(runId, CancellationToken.create());
  }

  /**
   * Continues a run from the journal after the process running it died, on the calling thread. A
   * run that had ended returns its result without calling the model. Otherwise the run's task,
   * start time, steps, token usage and tool counts are rebuilt from the journal, a {@link
   * dev.xct.core.event.RunEvent.RunResumed} event is journaled, and the step the crash interrupted
   * is settled: a step that had not yet journaled its intent is asked again; a tool that had
   * finished gets its journaled outcome; a tool whose outcome is unknown is recorded as failed with
   * {@code OUTCOME_UNKNOWN} and never re-run, unless it is idempotent and the {@link ResumePolicy}
   * allows it. A run {@link RunStatus#AWAITING_APPROVAL} returns its result as it stands (answer it
   * through {@link #approvals()}); once its request expired, the step is refused with {@code
   * APPROVAL_EXPIRED} and the run goes on; an answer a crash kept from being carried out is carried
   * out. Then the loop continues, numbering steps on, and the result holds every step, old and new.
   * The run keeps its original start, so its time budget counts the time it was down (but not the
   * time it waited for a person).
   *
   * @throws XctException if the loop has no journal, the journal holds no such run, the run's
   *     records cannot be read (a damaged journal), or the run is running in this process right now
   */
  public RunResult resume(String runId, CancellationToken cancellation) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(cancellation, "cancellation");
    return RunEngine.resume(config, runId, cancellation);
  }

  /**
   * Returns the approval requests that runs paused on in this loop's journal, and the way to answer
   * them and resume those runs.
   *
   * @throws XctException if the loop has no journal
   */
  public Approvals approvals() {
    return new Approvals(config);
  }

  /** Returns the registry this loop dispatches to. */
  public ToolRegistry tools() {
    return config.tools();
  }

  /** Returns the names of the validators, in the order they run. */
  public List<String> validatorNames() {
    return config.chain().names();
  }

  /** Configures an {@link ExecutionLoop}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final ModelClient model;
    private final ToolRegistry tools;
    private final List<Validator> validators = new ArrayList<>();
    private Toolkit toolkit = Toolkit.of();
    private final List<RunListener> listeners = new ArrayList<>();
    private Budgets budgets = Budgets.defaults();
    private ProtocolCodec codec = ProtocolCodec.strict();
    private ContextRenderer renderer = DefaultContextRenderer.create();
    private Clock clock = Clock.systemUTC();
    private Supplier<String> runIds = () -> UUID.randomUUID().toString();
    private Duration toolTimeout = Duration.ofSeconds(60);
    private ExecutorService toolExecutor;
    private boolean inlineTools;
    private Journal journal;
    private Redactor redactor = Redactor.defaults();
    private ResumePolicy resumePolicy = ResumePolicy.REPORT_UNKNOWN;

    private Builder(ModelClient model, ToolRegistry tools) {
      this.model = Objects.requireNonNull(model, "model");
      this.tools = Objects.requireNonNull(tools, "tools");
    }

    /**
     * Registers tools with the checks they rely on, in one call: the toolkit's tools join the
     * registry, its validators run after the built-ins and before {@link #validator(Validator)}'s.
     *
     * @throws XctException if a tool's name is already in an earlier toolkit
     */
    public Builder toolkit(Toolkit toolkit) {
      this.toolkit = this.toolkit.and(Objects.requireNonNull(toolkit, "toolkit"));
      return this;
    }

    /** Appends a validator to the chain, after the built-ins, the toolkits' and earlier ones. */
    public Builder validator(Validator validator) {
      validators.add(Objects.requireNonNull(validator, "validator"));
      return this;
    }

    /** Appends a validator under {@code name}; see {@link Validator#named}. */
    public Builder validator(String name, Validator validator) {
      return validator(Validator.named(name, validator));
    }

    /** Sets the budgets (default {@link Budgets#defaults()}). */
    public Builder budgets(Budgets budgets) {
      this.budgets = Objects.requireNonNull(budgets, "budgets");
      return this;
    }

    /** Sets the codec (default {@link ProtocolCodec#strict()}). */
    public Builder codec(ProtocolCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** Sets the context renderer (default {@link DefaultContextRenderer#create()}). */
    public Builder renderer(ContextRenderer renderer) {
      this.renderer = Objects.requireNonNull(renderer, "renderer");
      return this;
    }

    /** Adds a listener; listeners receive events in the order they were added. */
    public Builder listener(RunListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Sets the clock for timestamps, durations and deadlines (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets where run ids come from (default random UUIDs); must be thread-safe. */
    public Builder runIds(Supplier<String> runIds) {
      this.runIds = Objects.requireNonNull(runIds, "runIds");
      return this;
    }

    /**
     * Sets the default tool timeout (default 60 s); a tool's own {@link
     * dev.xct.core.tool.ToolSpec#timeout()} takes precedence.
     *
     * <p>Anything over 36,500 days (100 years) is taken as 36,500 days, in effect no limit.
     *
     * @throws XctException if not positive
     */
    public Builder toolTimeout(Duration timeout) {
      this.toolTimeout = DurationLimit.check("tool timeout", timeout);
      return this;
    }

    /**
     * Runs tools and model calls on {@code executor} instead of the loop's own threads (by default
     * virtual threads where the JDK has them, else at most 256 pooled daemon threads; see
     * docs/performance.md); a run uses one at a time, and the loop never shuts it down. A refused
     * tool call fails with {@code TOOL_REJECTED} without running; a refused model call is made on
     * the run's own thread.
     */
    public Builder toolExecutor(ExecutorService executor) {
      this.toolExecutor = Objects.requireNonNull(executor, "executor");
      this.inlineTools = false;
      return this;
    }

    /**
     * Runs tools and model calls on the run's own thread. Cheaper, but a tool or a model client
     * that ignores its deadline and cancellation can then hold the run past its timeout, its time
     * budget or its cancellation; use only for tools and clients that honour them.
     */
    public Builder inlineTools() {
      this.inlineTools = true;
      this.toolExecutor = null;
      return this;
    }

    /**
     * Journals every event of every run to {@code journal} before anyone acts on it, and enables
     * {@link ExecutionLoop#resume(String)}. The loop never closes it.
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /**
     * Sets what masks secrets in recorded events: journal, listeners and logs (default {@link
     * Redactor#defaults()}; {@link Redactor#none()} to record everything).
     */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** Sets what resume does with a step whose outcome is unknown (default report it). */
    public Builder resumePolicy(ResumePolicy policy) {
      this.resumePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Returns the immutable loop.
     *
     * @throws XctException if a toolkit's tool has the name of a tool in the registry
     */
    public ExecutionLoop build() {
      ExecutorService executor =
          inlineTools ? null : toolExecutor != null ? toolExecutor : ToolThreads.shared();
      return new ExecutionLoop(
          new LoopConfig(
              model,
              tools.plus(toolkit.tools()),
              LoopConfig.chain(budgets, toolkit.validators(), validators),
              budgets,
              codec,
              renderer,
              listeners,
              clock,
              runIds,
              toolTimeout,
              executor,
              journal,
              redactor,
              resumePolicy));
    }
  }
}
