package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.tool.ToolRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionLoopTranscriptTest {
  @TempDir Path workspace;

  private RunResult run(Fixtures.Script script) {
    return ExecutionLoop.builder(script, ToolRegistry.of(new Fixtures.WriteFile(workspace)))
        .renderer(DefaultContextRenderer.builder().maxChars(3_000).build())
        .inlineTools()
        .build()
        .run("write the files");
  }

  @Test
  void eachRequestKeepsTheTranscriptAsItWasWhenItWasMadeWhileTheRunGoesOn() {
    Fixtures.Script script = new Fixtures.Script(scriptReplies());
    RunResult result = run(script);

    assertThat(result.isDone()).isTrue();
    List<Step> steps = result.steps();
    assertThat(script.requests).hasSize(steps.size());
    for (ModelRequest request : script.requests) {
      assertThat(request.transcript())
          .as("request for step %d", request.step())
          .hasSize(request.step() - 1)
          .containsExactlyElementsOf(steps.subList(0, request.step() - 1));
    }
    assertThatThrownBy(() -> script.requests.get(5).transcript().add(steps.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.steps().set(0, steps.get(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theLoopRendersEveryStepAsAFreshStatelessRendererWould() {
    Fixtures.Script script = new Fixtures.Script(scriptReplies());
    run(script);

    DefaultContextRenderer fresh = DefaultContextRenderer.builder().maxChars(3_000).build();
    for (ModelRequest request : script.requests) {
      assertThat(request.messages())
          .as("request for step %d", request.step())
          .isEqualTo(fresh.render(request.task(), request.tools(), request.transcript()));
    }
    assertThat(script.requests.get(39).messages().get(1).content()).contains("omitted");
  }

  private static String[] scriptReplies() {
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 39; i++) {
      replies.add(
          i % 4 == 3
              ? "not json " + i
              : propose("files.write", "{\"name\":\"f" + i + ".txt\",\"content\":\"" + i + "\"}"));
    }
    replies.add(done("all written"));
    return replies.toArray(String[]::new);
  }
}
