package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionLoopBudgetTest {
  @TempDir Path workspace;

  @Test
  void modelThatNeverSaysDoneIsEndedByTheStepBudget() {
    AtomicInteger counter = new AtomicInteger();
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request ->
                    dev.xct.core.ModelReply.of(
                        propose(
                            "files.write",
                            "{\"name\":\"f" + counter.incrementAndGet() + "\",\"content\":\"\"}")),
                ToolRegistry.of(write))
            .budgets(Budgets.builder().maxSteps(7).build())
            .build();

    RunResult run = loop.run("never ends");

    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.MAX_STEPS_EXCEEDED);
    assertThat(run.steps()).hasSize(7);
    assertThat(counter).hasValue(7);
    assertThat(write.executions).hasValue(7);
  }

  @Test
  void modelThatOnlyEmitsGarbageIsEndedByTheConsecutiveErrorBudget() {
    ExecutionLoop loop =
        ExecutionLoop.builder(Fixtures.forever("<<<not json>>>"), ToolRegistry.empty())
            .budgets(Budgets.builder().maxConsecutiveErrors(4).build())
            .build();

    RunResult run = loop.run("t");

    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.MAX_CONSECUTIVE_ERRORS);
    assertThat(run.steps()).hasSize(4).allSatisfy(s -> assertThat(s.failed()).isTrue());
  }

  @Test
  void modelRepeatingTheSameFailingCallIsEndedWithoutRetriesInBetween() {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    String same = propose("files.write", "{\"name\":\"a\",\"content\":\"\"}");
    ExecutionLoop loop =
        ExecutionLoop.builder(Fixtures.forever(same), ToolRegistry.of(write))
            .budgets(Budgets.builder().maxConsecutiveErrors(3).build())
            .build();

    RunResult run = loop.run("t");

    // First call succeeds, the next three fail with ALREADY_EXISTS, then the budget ends it.
    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.MAX_CONSECUTIVE_ERRORS);
    assertThat(run.steps()).hasSize(4);
    assertThat(write.executions).hasValue(4);
  }

  @Test
  void successResetsTheConsecutiveErrorCount() {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    Fixtures.Script model =
        new Fixtures.Script(
            "bad",
            "bad",
            propose("files.write", "{\"name\":\"a\",\"content\":\"\"}"),
            "bad",
            "bad",
            done("made it"));
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(write))
            .budgets(Budgets.builder().maxConsecutiveErrors(3).build())
            .build()
            .run("t");

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void perToolQuotaEndsTheRunBeforeTheExtraCallRuns() {
    Fixtures.WriteFile write = new Fixtures.WriteFile(workspace);
    AtomicInteger counter = new AtomicInteger();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                request ->
                    dev.xct.core.ModelReply.of(
                        propose(
                            "files.write",
                            "{\"name\":\"q" + counter.incrementAndGet() + "\",\"content\":\"\"}")),
                ToolRegistry.of(write))
            .budgets(Budgets.builder().toolQuota("files.write", 2).build())
            .build();

    RunResult run = loop.run("t");

    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.TOOL_QUOTA_EXCEEDED);
    assertThat(write.executions).hasValue(2);
    assertThat(run.steps()).hasSize(3);
    assertThat(run.steps().get(2).executed()).isFalse();
    assertThat(((Result.Failure) run.steps().get(2).result().orElseThrow()).code())
        .isEqualTo(ErrorCodes.TOOL_QUOTA_EXCEEDED);
  }

  @Test
  void wallClockDeadlineEndsTheRun() {
    // Every clock read advances one minute; the budget allows five minutes.
    Fixtures.TickingClock clock =
        new Fixtures.TickingClock(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1));
    ExecutionLoop loop =
        ExecutionLoop.builder(Fixtures.forever("{\"bad\":1}"), ToolRegistry.empty())
            .clock(clock)
            .budgets(
                Budgets.builder()
                    .maxDuration(Duration.ofMinutes(5))
                    .maxConsecutiveErrors(99)
                    .build())
            .build();

    RunResult run = loop.run("t");

    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.DEADLINE_EXCEEDED);
    assertThat(Duration.between(run.startedAt(), run.endedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
  }
}
