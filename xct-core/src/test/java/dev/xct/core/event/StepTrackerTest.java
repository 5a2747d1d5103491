package dev.xct.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepTrackerTest {
  private static final Tool ECHO =
      new Tool() {
        @Override
        public ToolSpec spec() {
          return ToolSpec.builder("t.echo").build();
        }

        @Override
        public Result execute(ToolCall call, ToolContext context) {
          return Result.success(Map.of("ok", true));
        }
      };

  private static List<Step> track(List<RunEvent> events) {
    StepTracker tracker = StepTracker.create();
    List<Step> steps = new ArrayList<>();
    events.forEach(e -> tracker.accept(e).ifPresent(steps::add));
    return steps;
  }

  @Test
  void listenersAndJournalsGiveTheRunsStepsOnceEach() {
    List<String> replies =
        List.of(
            "not json",
            "{\"next_step\":{\"tool\":\"t.echo\",\"arguments\":{}}}",
            "{\"next_step\":{\"tool\":\"t.denied\",\"arguments\":{}}}",
            "{\"done\":true,\"message\":\"ok\"}");
    List<RunEvent> seen = new ArrayList<>();
    RunResult run =
        ExecutionLoop.builder(r -> ModelReply.of(replies.get(r.step() - 1)), ToolRegistry.of(ECHO))
            .validator(
                "no-denied",
                (p, c) ->
                    p.tool().equals("t.denied") ? Verdict.deny("NOPE", "no") : Verdict.allow())
            .listener(seen::add)
            .build()
            .run("task");
    List<RunEvent> facts =
        seen.stream().filter(e -> !(e instanceof RunEvent.StepCompleted)).toList();

    assertThat(run.steps()).hasSize(4);
    assertThat(track(seen)).as("live, with notices").isEqualTo(run.steps());
    assertThat(track(facts)).as("as a journal holds it").isEqualTo(run.steps());
  }

  @Test
  void noticesOfStepsWithSecretsAreTheStepsAsRecordedWhicheverFactHeldTheSecret() {
    Tool leaky =
        new Tool() {
          @Override
          public ToolSpec spec() {
            return ToolSpec.builder("t.leak").build();
          }

          @Override
          public Result execute(ToolCall call, ToolContext context) {
            return call.arguments().get("password").isPresent()
                ? Result.success(Map.of("ok", true))
                : Result.success(Map.of("session_token", "tok-456"));
          }
        };
    List<String> replies =
        List.of(
            "{\"next_step\":{\"tool\":\"t.leak\",\"arguments\":{}}}",
            "{\"next_step\":{\"tool\":\"t.echo\",\"arguments\":{}}}",
            "{\"next_step\":{\"tool\":\"t.leak\",\"arguments\":{\"password\":\"pw-1\"}}}",
            "{\"next_step\":{\"tool\":\"t.echo\",\"arguments\":{}}}",
            "{\"done\":true,\"message\":\"ok\"}");
    List<RunEvent> seen = new ArrayList<>();
    RunResult run =
        ExecutionLoop.builder(
                r -> ModelReply.of(replies.get(r.step() - 1)), ToolRegistry.of(ECHO, leaky))
            .listener(seen::add)
            .build()
            .run("task");
    List<Step> notices =
        seen.stream()
            .filter(RunEvent.StepCompleted.class::isInstance)
            .map(e -> ((RunEvent.StepCompleted) e).record())
            .toList();
    List<RunEvent> facts =
        seen.stream().filter(e -> !(e instanceof RunEvent.StepCompleted)).toList();

    assertThat(notices).isEqualTo(track(facts)).hasSize(5);
    assertThat(notices.toString()).doesNotContain("tok-456", "pw-1");
    assertThat(notices.get(0).verdicts()).isEqualTo(run.steps().get(0).verdicts());
    assertThat(notices.get(0).rawReply()).isEqualTo(run.steps().get(0).rawReply());
    assertThat(run.steps().get(0).result().orElseThrow().toString()).contains("tok-456");
    assertThat(run.steps().get(2).rawReply()).contains("pw-1");
    assertThat(notices.get(1)).isEqualTo(run.steps().get(1));
    assertThat(notices.get(3)).isEqualTo(run.steps().get(3));
  }
}
