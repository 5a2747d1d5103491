package dev.xct.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetsAndStatsTest {
  static Stream<Arguments> invalidBudgets() {
    return Stream.of(
        Arguments.of("maxSteps must be positive, was: 0", op(b -> b.maxSteps(0))),
        Arguments.of(
            "maxConsecutiveErrors must be positive, was: -1", op(b -> b.maxConsecutiveErrors(-1))),
        Arguments.of(
            "maxDuration must be positive, was: PT0S", op(b -> b.maxDuration(Duration.ZERO))),
        Arguments.of("maxTokens must be positive, was: 0", op(b -> b.maxTokens(0))),
        Arguments.of(
            "quota for tool 'fs.read' must be positive, was: 0",
            op(b -> b.toolQuota("fs.read", 0))),
        Arguments.of(
            "quota for tool 'no spaces' must be positive, was: 1",
            op(b -> b.toolQuota("no spaces", 1))));
  }

  private static UnaryOperator<Budgets.Builder> op(UnaryOperator<Budgets.Builder> op) {
    return op;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBudgets")
  void everyLimitIsCheckedWhenBudgetsAreBuilt(String message, UnaryOperator<Budgets.Builder> bad) {
    Budgets.Builder builder = bad.apply(Budgets.builder());

    assertThatThrownBy(builder::build).isInstanceOf(XctException.class).hasMessage(message);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Budgets defaults = Budgets.defaults();

    assertThat(defaults.maxSteps()).isEqualTo(50);
    assertThat(defaults.maxConsecutiveErrors()).isEqualTo(5);
    assertThat(defaults.maxDuration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.maxTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(defaults.toolQuotas()).isEmpty();
  }

  @Test
  void toBuilderKeepsEveryValueAndLeavesTheOriginalAlone() {
    Budgets original =
        Budgets.builder()
            .maxSteps(7)
            .maxConsecutiveErrors(2)
            .maxDuration(Duration.ofSeconds(90))
            .maxTokens(1_000)
            .toolQuota("fs.write", 3)
            .build();

    Budgets copy = original.toBuilder().build();
    Budgets changed = original.toBuilder().toolQuota("fs.delete", 1).maxSteps(8).build();

    assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(changed.toolQuotas())
        .containsOnly(Map.entry("fs.write", 3), Map.entry("fs.delete", 1));
    assertThat(original.toolQuotas()).containsOnly(Map.entry("fs.write", 3));
    assertThat(changed).isNotEqualTo(original);
  }

  @Test
  void runStatsAreASnapshotOfTheExecutionsTheyWereBuiltFrom() {
    Map<String, Integer> executions = new HashMap<>(Map.of("fs.read", 2));
    RunStats stats =
        RunStats.builder(Instant.EPOCH)
            .stepsTaken(3)
            .consecutiveErrors(1)
            .toolExecutions(executions)
            .usage(new TokenUsage(10, 5))
            .build();

    executions.put("fs.read", 9);

    assertThat(stats.executions("fs.read")).isEqualTo(2);
    assertThat(stats.executions("fs.write")).isZero();
    assertThat(stats.stepsTaken()).isEqualTo(3);
    assertThat(stats.consecutiveErrors()).isEqualTo(1);
    assertThat(stats.usage()).isEqualTo(new TokenUsage(10, 5));
    assertThatThrownBy(() -> stats.toolExecutions().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void runStatsStartWithNothingDoneAndUnknownUsage() {
    RunStats stats = RunStats.builder(Instant.EPOCH).build();

    assertThat(stats.stepsTaken()).isZero();
    assertThat(stats.consecutiveErrors()).isZero();
    assertThat(stats.toolExecutions()).isEmpty();
    assertThat(stats.usage()).isEqualTo(TokenUsage.unknown());
    assertThatThrownBy(() -> RunStats.builder(Instant.EPOCH).stepsTaken(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stepsTaken must not be negative, was: -1");
  }
}
