package dev.xct.benchmarks;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.event.RunListener;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.Tools;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Validators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the one scenario every per-step benchmark shares: a model that always proposes {@code
 * note.add} with two string arguments, a no-op tool, the full default validator chain (known tool,
 * schema, tool quota, an allow policy) and a no-op listener. Thread-safe once built.
 */
final class Fixtures {
  /** The tool's name. */
  static final String TOOL = "note.add";

  /** The model's reply, the same every step: one proposal. */
  static final String REPLY =
      "{\"next_step\":{\"tool\":\"note.add\",\"arguments\":{\"key\":\"greeting\","
          + "\"value\":\"hello world\"},\"goal\":\"remember the greeting\"}}";

  /** The arguments alone, as a provider's tool-call API hands them to LangChain4j or Spring AI. */
  static final String ARGUMENTS = "{\"key\":\"greeting\",\"value\":\"hello world\"}";

  /** The tool's input schema, as {@link Tools#typed} generates it for {@link NoteArgs}. */
  static final String SCHEMA =
      "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"key\",\"value\"],"
          + "\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"string\"}}}";

  /** Arguments of the no-op tool. */
  record NoteArgs(String key, String value) {}

  /** What the no-op tool returns. */
  record Stored(boolean stored, int length) {}

  /** Counts events so the listener is not optimised away, and does nothing else. */
  static final AtomicLong EVENTS = new AtomicLong();

  static final RunListener NO_OP_LISTENER = event -> EVENTS.lazySet(EVENTS.get() + 1);

  /** A renderer that returns one constant message: separates rendering from the rest. */
  static final ContextRenderer PLAIN_RENDERER =
      new ContextRenderer() {
        private final List<ChatMessage> messages = List.of(ChatMessage.user("go"));

        @Override
        public List<ChatMessage> render(
            String task, List<dev.xct.core.tool.ToolSpec> tools, List<dev.xct.core.Step> steps) {
          return messages;
        }
      };

  private Fixtures() {}

  /** The no-op tool: binds its arguments and returns a small result. */
  static Tool noOpTool() {
    return Tools.typed(
        TOOL,
        "Stores a note",
        NoteArgs.class,
        (args, context) -> Result.success(new Stored(true, args.value().length())));
  }

  /**
   * A model that proposes the same step forever. It answers at once, so it honours cancellation, as
   * the bundled OpenAI-compatible client does: the loop calls it on the run's thread.
   */
  static ModelClient repeatingModel() {
    ModelReply reply = ModelReply.of(REPLY);
    return new ModelClient() {
      @Override
      public ModelReply next(ModelRequest request) {
        return reply;
      }

      @Override
      public boolean honoursCancellation() {
        return true;
      }
    };
  }

  /**
   * The same model, but one that does not declare that it honours cancellation, as a blocking
   * client (the LangChain4j and Spring AI adapters) does: unless tools run inline, the loop hands
   * each call to another thread so that it can stop waiting for it.
   */
  static ModelClient blockingModel() {
    ModelReply reply = ModelReply.of(REPLY);
    return request -> reply;
  }

  /**
   * Returns a loop with the full default chain whose runs last exactly {@code steps} steps (the
   * step budget ends them), on the given renderer, inline or on the default tool threads.
   */
  static ExecutionLoop loop(int steps, boolean inline, boolean defaultRenderer) {
    return loop(steps, inline, defaultRenderer, repeatingModel());
  }

  /** As {@link #loop(int, boolean, boolean)}, asking {@code model}. */
  static ExecutionLoop loop(int steps, boolean inline, boolean defaultRenderer, ModelClient model) {
    ExecutionLoop.Builder builder =
        ExecutionLoop.builder(model, ToolRegistry.of(noOpTool()))
            .budgets(budgets(steps))
            .validator(allowPolicy())
            .listener(NO_OP_LISTENER)
            .renderer(defaultRenderer ? DefaultContextRenderer.create() : PLAIN_RENDERER);
    if (inline) {
      builder.inlineTools();
    }
    return builder.build();
  }

  /** Budgets that end a run after exactly {@code steps} steps of the no-op tool. */
  static Budgets budgets(int steps) {
    return Budgets.builder()
        .maxSteps(steps)
        .maxConsecutiveErrors(5)
        .maxDuration(Duration.ofHours(1))
        .toolQuota(TOOL, Integer.MAX_VALUE)
        .build();
  }

  /** The policy validator every benchmark loop adds: allows the no-op tool. */
  static Validator allowPolicy() {
    return Validators.policy(Policy.builder().allow(TOOL).build());
  }

  /** The loop's default chain for the no-op tool, as a list: known tool, schema, quota, policy. */
  static List<Validator> chain() {
    Budgets budgets = Budgets.builder().toolQuota(TOOL, Integer.MAX_VALUE).build();
    return List.of(
        Validators.knownTool(),
        Validators.argumentSchema(),
        Validators.toolQuotas(budgets),
        allowPolicy());
  }

  /** A context for calling a tool directly, outside a loop: run 1, step 1, an hour to finish. */
  static ToolContext toolContext() {
    return new ToolContext(
        "run-1", 1, Instant.now().plusSeconds(3600), CancellationToken.create(), Clock.systemUTC());
  }

  /** Fails loudly if a benchmark measured something other than what it claims. */
  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** The value the floor's direct call returns, in the same shape as the tool's result. */
  static Map<String, Object> floorResult(String value) {
    return Map.of("stored", true, "length", value.length());
  }
}
