package dev.xct.core.loop;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Validators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A world whose runs pause for a person: the model asks to remove {@code notes.txt} (step 1), then
 * says done; the removal tool is destructive, previews the file's content and logs every execution
 * to {@code removals.log}, and the approver defers every question for one hour. The same world in
 * every JVM of a test.
 */
public final class ApprovalWorld {
  static final Duration VALID_FOR = Duration.ofHours(1);
  static final String REMOVE = propose("notes.txt");

  private ApprovalWorld() {}

  static String propose(String name) {
    return "{\"next_step\":{\"tool\":\"files.remove\",\"arguments\":{\"name\":\"" + name + "\"}}}";
  }

  /** Step 1 proposes the removal, every later step says done. */
  static ModelClient model() {
    return request ->
        ModelReply.of(
            request.step() == 1 ? REMOVE : "{\"done\":true,\"message\":\"removed or not\"}");
  }

  /** The loop; {@code policy} decides whether the removal is asked about at all. */
  public static ExecutionLoop.Builder loop(
      Path root, Journal journal, Clock clock, String runId, Policy policy) {
    return loop(root, journal, clock, runId, policy, (window, run, step) -> {});
  }

  /** The loop, whose removal tells {@code hook} about the moments around its side effect. */
  public static ExecutionLoop.Builder loop(
      Path root, Journal journal, Clock clock, String runId, Policy policy, Hook hook) {
    return ExecutionLoop.builder(model(), ToolRegistry.of(new Remove(root, hook)))
        .journal(journal)
        .clock(clock)
        .runIds(() -> runId)
        .inlineTools()
        .validator(Validators.policy(policy, request -> ApprovalDecision.defer(VALID_FOR)));
  }

  /** The default policy: removals are allowed, and being destructive, asked about. */
  public static Policy policy() {
    return Policy.builder().allow("files.*").build();
  }

  /** How often the removal ran, from its log. */
  public static long removals(Path root) throws IOException {
    Path log = root.resolve("removals.log");
    return Files.exists(log) ? Files.readAllLines(log).size() : 0;
  }

  /** Told of a moment inside the removal: {@code MID_TOOL_BEFORE_EFFECT}, {@code ..._AFTER_...}. */
  @FunctionalInterface
  public interface Hook {
    void at(String window, String runId, int step);
  }

  /** Removes one file directly under its root, logging each execution; destructive. */
  static final class Remove implements Tool {
    private final Path root;
    private final Hook hook;

    Remove(Path root, Hook hook) {
      this.root = root;
      this.hook = hook;
    }

    @Override
    public ToolSpec spec() {
      return ToolSpec.builder("files.remove")
          .description("Remove a file.")
          .inputSchema(
              "{\"type\":\"object\",\"required\":[\"name\"],"
                  + "\"properties\":{\"name\":{\"type\":\"string\"}}}")
          .destructive()
          .build();
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      String name = name(call);
      hook.at("MID_TOOL_BEFORE_EFFECT", context.runId(), context.step());
      try {
        Files.writeString(
            root.resolve("removals.log"),
            context.runId() + " " + name + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        Files.deleteIfExists(root.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      hook.at("MID_TOOL_AFTER_EFFECT", context.runId(), context.step());
      return Result.success(Map.of("removed", name));
    }

    @Override
    public Optional<JsonValue> preview(ToolCall call, ToolContext context) {
      Path file = root.resolve(name(call));
      try {
        String content = Files.exists(file) ? Files.readString(file) : "";
        return Optional.of(JsonValue.from(Map.of("remove", name(call), "content", content)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String name(ToolCall call) {
      return call.arguments().get("name").flatMap(JsonValue::asString).orElseThrow();
    }
  }
}
