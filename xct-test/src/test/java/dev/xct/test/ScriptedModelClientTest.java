package dev.xct.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Budgets;
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

  private static final String PING = "{\"next_step\":{\"tool\":\"probe.ping\",\"arguments\":{}}}";
  private static final String DONE = "{\"done\":true,\"message\":\"ok\"}";

  private static RunResult run(ScriptedModelClient model, Budgets budgets) {
    RecordingTool ping =
        RecordingTool.returning(ToolSpec.builder("probe.ping").build(), Result.success("pong"));
    return ExecutionLoop.builder(model, ToolRegistry.of(ping)).budgets(budgets).build().run("ping");
  }

  private static String code(Step step) {
    return ((Result.Failure) step.result().orElseThrow()).code();
  }

  @Test
  void scriptedModelRepliesComeBackAsTheyWereScriptedUsageAndFaultIncluded() {
    ModelReply refused =
        ModelReply.rejected(
            "no", new TokenUsage(5, 1), Result.failure(ErrorCodes.MODEL_REFUSED, "refused"));
    ModelReply counted = new ModelReply(DONE, new TokenUsage(7, 2));
    ScriptedModelClient model =
        ScriptedModelClient.builder().reply(refused).repeat(counted, 2).reply(PING).build();

    assertThat(model.next(request(1))).isSameAs(refused);
    assertThat(model.next(request(2))).isSameAs(counted);
    assertThat(model.next(request(3))).isSameAs(counted);
    assertThat(model.next(request(4))).isEqualTo(ModelReply.of(PING));
  }

  @Test
  void aScriptedRefusalFailsItsStepWithItsCodeAndTheModelIsAskedAgain() {
    ScriptedModelClient model =
        ScriptedModelClient.builder()
            .reply(
                ModelReply.rejected(
                    "I can't help with that",
                    TokenUsage.unknown(),
                    Result.failure(ErrorCodes.MODEL_REFUSED, "the model refused to answer")))
            .reply(
                ModelReply.rejected(
                    "{\"next_step\":{\"tool\":",
                    TokenUsage.unknown(),
                    Result.failure(ErrorCodes.OUTPUT_TRUNCATED, "the reply was cut off")))
            .reply(DONE)
            .build();

    RunResult run = run(model, Budgets.defaults());

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    assertThat(run.steps()).hasSize(3);
    assertThat(code(run.steps().get(0))).isEqualTo(ErrorCodes.MODEL_REFUSED);
    assertThat(code(run.steps().get(1))).isEqualTo(ErrorCodes.OUTPUT_TRUNCATED);
    assertThat(run.steps().get(0).rawReply()).isEqualTo("I can't help with that");
    assertThat(model.requests().get(1).messages().toString()).contains("MODEL_REFUSED");
  }

  @Test
  void scriptedUsageEndsTheRunAtItsTokenBudget() {
    // The example of ScriptedModelClient's Javadoc.
    TokenUsage usage = new TokenUsage(900, 100);
    String ping = "{\"next_step\":{\"tool\":\"probe.ping\",\"arguments\":{}}}";
    ScriptedModelClient model =
        ScriptedModelClient.builder()
            .reply(
                ModelReply.rejected(
                    "I can't help with that",
                    usage,
                    Result.failure(ErrorCodes.MODEL_REFUSED, "the model refused to answer")))
            .repeat(new ModelReply(ping, usage), 5)
            .build();

    RunResult run = run(model, Budgets.builder().maxTokens(2_500).build());

    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.TOKEN_BUDGET_EXCEEDED);
    assertThat(run.usage()).isEqualTo(new TokenUsage(2_700, 300));
    assertThat(model.requests()).hasSize(3);
    assertThat(model.remaining()).isEqualTo(3);
  }
}
