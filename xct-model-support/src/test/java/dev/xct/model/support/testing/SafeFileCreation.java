package dev.xct.model.support.testing;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelRequest;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's "safe file creation" example as test material: an {@code fs.write} tool confined to a
 * workspace, a validator refusing paths outside it, and the recorded provider replies that play the
 * model (propose outside the root, read the refusal, propose inside, say done).
 */
public final class SafeFileCreation {
  /** The task of the scenario. */
  public static final String TASK = "Create config.json with the port set to 8080.";

  /** The code the path validator denies with. */
  public static final String PATH_NOT_ALLOWED = "PATH_NOT_ALLOWED";

  /** The recorded OpenAI responses, in the order the model gives them. */
  public static final List<String> OPENAI_REPLIES =
      List.of("openai/proposal-outside-root.json", "openai/proposal.json", "openai/done.json");

  /** The arguments schema of {@code fs.write}, inside OpenAI's strict subset. */
  public static final String FS_WRITE_SCHEMA =
      """
      {"type":"object","properties":{"path":{"type":"string","description":"relative to the workspace"},\
      "content":{"type":"string"}},"required":["path","content"],"additionalProperties":false}""";

  private SafeFileCreation() {}

  /** Returns the spec of {@code fs.write}. */
  public static ToolSpec fsWriteSpec() {
    return ToolSpec.builder("fs.write")
        .description("Create a text file in the workspace.")
        .inputSchema(FS_WRITE_SCHEMA)
        .build();
  }

  /** Returns an {@code fs.write} tool writing below {@code root}. */
  public static Tool fsWrite(Path root) {
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return fsWriteSpec();
      }

      @Override
      public Result execute(ToolCall call, ToolContext context) {
        String path = call.arguments().get("path").flatMap(v -> v.asString()).orElseThrow();
        String content = call.arguments().get("content").flatMap(v -> v.asString()).orElseThrow();
        try {
          Files.writeString(root.resolve(path), content, StandardCharsets.UTF_8);
          Map<String, Object> written = new LinkedHashMap<>();
          written.put("path", path);
          written.put("bytes", content.length());
          return Result.success(written);
        } catch (IOException e) {
          return Result.failure("IO_ERROR", e.getMessage());
        }
      }
    };
  }

  /**
   * Returns a loop running {@code model} over {@code fs.write} below {@code root}, paths checked.
   */
  public static ExecutionLoop loop(ModelClient model, Path root) {
    return loop(model, root, List.of());
  }

  /** Returns the same loop with {@code others} registered after {@code fs.write}. */
  public static ExecutionLoop loop(ModelClient model, Path root, List<Tool> others) {
    List<Tool> tools = new ArrayList<>();
    tools.add(fsWrite(root));
    tools.addAll(others);
    return ExecutionLoop.builder(model, ToolRegistry.builder().addAll(tools).build())
        .validator(
            "workspace-paths",
            (proposal, context) -> {
              String path = proposal.arguments().get("path").flatMap(v -> v.asString()).orElse("");
              return path.startsWith("/") || path.contains("..")
                  ? Verdict.deny(PATH_NOT_ALLOWED, "path not allowed: " + path)
                  : Verdict.allow();
            })
        .build();
  }

  /** Returns a first-step request for {@code tools}, rendered by the default renderer. */
  public static ModelRequest request(List<ToolSpec> tools) {
    return new ModelRequest(
        "run-1",
        1,
        TASK,
        tools,
        List.of(),
        DefaultContextRenderer.create().render(TASK, tools, List.of()));
  }

  /** Returns a first-step request with {@code fs.write} only. */
  public static ModelRequest request() {
    return request(List.of(fsWriteSpec()));
  }

  /**
   * Returns a first-step request with {@code fs.write} only, wanted until {@code deadline} by the
   * system clock and cancelled with {@code token}.
   */
  public static ModelRequest request(Instant deadline, CancellationToken token) {
    ModelRequest plain = request();
    return new ModelRequest(
        plain.runId(),
        plain.step(),
        plain.task(),
        plain.tools(),
        plain.transcript(),
        plain.messages(),
        deadline,
        token,
        Clock.systemUTC());
  }
}
