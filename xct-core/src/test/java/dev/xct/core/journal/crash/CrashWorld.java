package dev.xct.core.journal.crash;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.journal.Journal;
import dev.xct.core.journal.ResumePolicy;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Budgets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The world a crash-tested run lives in, identical in the child that is killed and in the parent
 * that resumes: a model keyed by step number, a non-idempotent tool that appends to a counter file
 * on every execution, an idempotent tool that does the same to another file, and the loop.
 */
final class CrashWorld {
  /** Steps that call a tool before the model says done. */
  static final int STEPS = 6;

  private CrashWorld() {}

  /** The reply for step {@code n}: bump, bump, set, garbage, bump, set, then done. */
  static String reply(int n) {
    if (n > STEPS) {
      return "{\"done\":true,\"message\":\"finished\"}";
    }
    if (n == 4) {
      return "not json at all";
    }
    String tool = n % 3 == 0 ? "c.set" : "c.bump";
    return "{\"next_step\":{\"tool\":\"" + tool + "\",\"arguments\":{\"n\":" + n + "}}}";
  }

  static ModelClient model() {
    return request -> ModelReply.of(reply(request.step()));
  }

  /** Builds the loop; {@code hooks} is told when a tool is about to change state. */
  static ExecutionLoop loop(Journal journal, Path work, Hooks hooks, String runId) {
    return ExecutionLoop.builder(
            model(),
            ToolRegistry.of(
                new Counter("c.bump", false, work, hooks), new Counter("c.set", true, work, hooks)))
        .journal(journal)
        .resumePolicy(ResumePolicy.RERUN_IDEMPOTENT)
        .budgets(Budgets.builder().maxConsecutiveErrors(10).build())
        .toolTimeout(Duration.ofMinutes(5))
        .inlineTools()
        .runIds(() -> runId)
        .build();
  }

  /** The counter file of {@code tool} for {@code runId}: one line per execution. */
  static Path counter(Path work, String runId, String tool) {
    return work.resolve(runId + "." + tool);
  }

  /** Called inside a tool, around its side effect. */
  interface Hooks {
    void at(String window, String runId, int step);
  }

  /** Appends {@code n} to its counter file on every execution. */
  static final class Counter implements Tool {
    private final ToolSpec spec;
    private final Path work;
    private final Hooks hooks;

    Counter(String name, boolean idempotent, Path work, Hooks hooks) {
      ToolSpec.Builder builder =
          ToolSpec.builder(name)
              .inputSchema(
                  "{\"type\":\"object\",\"required\":[\"n\"],"
                      + "\"properties\":{\"n\":{\"type\":\"integer\"}}}");
      this.spec = (idempotent ? builder.idempotent() : builder).build();
      this.work = work;
      this.hooks = hooks;
    }

    @Override
    public ToolSpec spec() {
      return spec;
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      int n = call.arguments().get("n").map(v -> Integer.parseInt(v.toJson())).orElseThrow();
      hooks.at("MID_TOOL_BEFORE_EFFECT", context.runId(), context.step());
      try {
        Files.writeString(
            counter(work, context.runId(), spec.name()),
            n + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      hooks.at("MID_TOOL_AFTER_EFFECT", context.runId(), context.step());
      return Result.success(Map.of("n", n));
    }

    @Override
    public Optional<JsonValue> checkOutcome(ToolCall call, ToolContext context) {
      Path file = counter(work, context.runId(), spec.name());
      try {
        String content = Files.exists(file) ? Files.readString(file) : "";
        return Optional.of(JsonValue.from(Map.of("lines", content.lines().count())));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }
}
