package dev.xct.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedModelClientTest {
  private static ModelRequest request(int step) {
    return new ModelRequest("r", step, "task", List.of(), List.of(), List.of());
  }

  @Test
  void repliesInOrderAndRecordsEveryRequest() {
    ScriptedModelClient model = ScriptedModelClient.of("one", "two");

    assertThat(model.next(request(1)).text()).isEqualTo("one");
    assertThat(model.remaining()).isEqualTo(1);
    assertThat(model.next(request(2)).text()).isEqualTo("two");
    assertThat(model.requests()).extracting(ModelRequest::step).containsExactly(1, 2);
  }

  @Test
  void failsClearlyWhenTheScriptRunsOut() {
    ScriptedModelClient model = ScriptedModelClient.of("only");
    model.next(request(1));

    assertThatThrownBy(() -> model.next(request(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ran out of replies: 1 scripted, call 2");
  }

  @Test
  void exhaustedScriptEndsALoopRunWithModelFailedInsteadOfHanging() {
    RunResult run =
        ExecutionLoop.builder(ScriptedModelClient.of("garbage"), ToolRegistry.empty())
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(run.code()).contains(ErrorCodes.MODEL_FAILED);
    assertThat(run.steps()).hasSize(1);
  }

  @Test
  void computedRepliesSeeTheRequestTheyAnswer() {
    ScriptedModelClient model =
        ScriptedModelClient.builder().reply(r -> "step " + r.step()).repeat("same", 2).build();

    assertThat(model.next(request(7)).text()).isEqualTo("step 7");
    assertThat(model.next(request(8)).text()).isEqualTo("same");
    assertThat(model.next(request(9)).text()).isEqualTo("same");
  }

  @Test
  void recordingToolCountsCallsThroughTheLoop() {
    RecordingTool tool =
        RecordingTool.returning(ToolSpec.builder("probe.ping").build(), Result.success("pong"));
    ScriptedModelClient model =
        ScriptedModelClient.of(
            "{\"next_step\":{\"tool\":\"probe.ping\",\"arguments\":{}}}",
            "{\"done\":true,\"message\":\"ok\"}");

    RunResult run = ExecutionLoop.builder(model, ToolRegistry.of(tool)).build().run("ping");

    assertThat(run.isDone()).isTrue();
    assertThat(tool.callCount()).isEqualTo(1);
    assertThat(tool.calls().get(0).tool()).isEqualTo("probe.ping");
  }
}
