package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.context.ChatMessage;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start compiles against the real API: {@link #quickStart} holds it verbatim
 * (white space aside), with stand-ins for the reader's own client, tools and change window.
 */
class ReadmeQuickStartTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "dev", "xct", "core", "ReadmeQuickStartTest.java");

  /** The README's quick start. Compiled, never run: it writes runs.jsonl where it runs. */
  static void quickStart(Llm myLlm) throws IOException {
    // quick-start:begin
    ModelClient model = request -> ModelReply.of(myLlm.chat(request.messages())); // your client

    try (JsonLinesEventWriter events = JsonLinesEventWriter.append(Path.of("runs.jsonl"))) {
      ExecutionLoop loop =
          ExecutionLoop.builder(model, ToolRegistry.of(new DeployTool(), new StatusTool()))
              .validator(
                  "change-window",
                  (proposal, ctx) ->
                      inChangeWindow()
                          ? Verdict.allow()
                          : Verdict.deny(
                              "OUTSIDE_CHANGE_WINDOW", "deployments are frozen until 18:00"))
              .budgets(
                  Budgets.builder().maxSteps(20).toolQuota("k8s.deployments.delete", 1).build())
              .listener(events) // closing it flushes and releases runs.jsonl
              .build();

      RunResult run = loop.run("Scale the checkout service to 3 replicas");
      // run.status(): DONE, LIMIT_REACHED, STOPPED, CANCELLED or MODEL_FAILED; run.steps():
      // everything
    }
    // quick-start:end
  }

  @Test
  void theReadmesQuickStartIsTheCompiledOneHere() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("```java\n", readme.indexOf("Wrap the LLM client you already have"));
    String snippet = readme.substring(start + 8, readme.indexOf("```", start + 8));
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String compiled =
        source.substring(
            source.indexOf("// quick-start:begin") + 20, source.indexOf("// quick-start:end"));

    // The formatter rewraps the code and the trailing comment here; the tokens stay the same.
    assertThat(withoutSpaceOrCommentMarks(compiled)).isEqualTo(withoutSpaceOrCommentMarks(snippet));
  }

  private static String withoutSpaceOrCommentMarks(String code) {
    return code.replace("//", "").replaceAll("\\s+", "");
  }

  /** The reader's own LLM client. */
  interface Llm {
    String chat(List<ChatMessage> messages);
  }

  private static boolean inChangeWindow() {
    return true;
  }

  private static final class DeployTool extends StandIn {
    DeployTool() {
      super("k8s.deployments.scale");
    }
  }

  private static final class StatusTool extends StandIn {
    StatusTool() {
      super("k8s.cluster.status");
    }
  }

  private abstract static class StandIn implements Tool {
    private final ToolSpec spec;

    StandIn(String name) {
      this.spec = ToolSpec.builder(name).inputSchema("{\"type\":\"object\"}").build();
    }

    @Override
    public ToolSpec spec() {
      return spec;
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      return Result.success("ok");
    }
  }
}
