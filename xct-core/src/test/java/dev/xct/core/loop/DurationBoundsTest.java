package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Budgets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every duration configured from code is bounded (36,500 days), so that no deadline, remaining time
 * or wait computed from it overflows: a longer one is refused when it is set, naming the setting,
 * and the longest allowed ones run a step on both the threaded and the inline path. (Before, a tool
 * timeout of 400 years made the default threaded path throw {@code ArithmeticException} out of
 * {@code run}, and a time budget of {@code Long.MAX_VALUE} seconds did on every path.)
 */
class DurationBoundsTest {
  private static final Duration LONGEST = Duration.ofDays(36_500);

  @ParameterizedTest
  @ValueSource(longs = {36_501, 365L * 400, Long.MAX_VALUE / 86_400})
  void aDurationPastTheBoundIsTakenAsTheBoundWhereItIsSet(long days) {
    Duration tooLong = Duration.ofDays(days);

    assertThat(Budgets.builder().maxDuration(tooLong).build().maxDuration()).isEqualTo(LONGEST);
    assertThat(ToolSpec.builder("slow.tool").timeout(tooLong).build().timeout()).contains(LONGEST);
  }

  @ParameterizedTest
  @ValueSource(longs = {36_500, 36_501, 365L * 400, Long.MAX_VALUE / 86_400})
  void everyPathRunsAStepWithDurationsAtAndPastTheBound(long days) {
    Duration duration = Duration.ofDays(days);
    for (boolean inline : new boolean[] {false, true}) {
      AtomicReference<Duration> remaining = new AtomicReference<>();
      ExecutionLoop.Builder builder =
          ExecutionLoop.builder(
                  new Fixtures.Script(propose("slow.tool", "{}"), done("ok")),
                  ToolRegistry.of(tool(remaining, duration)))
              .toolTimeout(duration)
              .budgets(Budgets.builder().maxDuration(duration).build());
      if (inline) {
        builder.inlineTools();
      }

      RunResult run = builder.build().run("t");

      assertThat(run.status()).as("inline: %s", inline).isEqualTo(RunStatus.DONE);
      assertThat(run.steps().get(0)).isInstanceOf(Step.Executed.class);
      assertThat(remaining.get()).isPositive().isLessThanOrEqualTo(LONGEST);
    }
  }

  @Test
  void aDurationThatIsNotPositiveIsStillRefusedNamingTheSetting() {
    ExecutionLoop.Builder loop = ExecutionLoop.builder(new Fixtures.Script(), ToolRegistry.empty());

    assertThatThrownBy(() -> loop.toolTimeout(Duration.ZERO))
        .isInstanceOf(XctException.class)
        .hasMessage("tool timeout must be positive, was: PT0S");
  }

  private static Tool tool(AtomicReference<Duration> remaining, Duration timeout) {
    ToolSpec spec = ToolSpec.builder("slow.tool").timeout(timeout).build();
    return new Tool() {
      @Override
      public ToolSpec spec() {
        return spec;
      }

      @Override
      public Result execute(ToolCall call, ToolContext context) {
        remaining.set(context.remaining());
        return Result.success(Map.of());
      }
    };
  }
}
