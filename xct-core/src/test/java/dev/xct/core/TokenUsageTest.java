package dev.xct.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenUsageTest {
  @Test
  void usageWithoutACacheHasNoCachedPromptTokens() {
    TokenUsage usage = new TokenUsage(1_200, 300);

    assertThat(usage.cachedPromptTokens()).isZero();
    assertThat(usage.uncachedPromptTokens()).isEqualTo(1_200);
    assertThat(usage).isEqualTo(new TokenUsage(1_200, 300, 0));
  }

  @Test
  void cachedPromptTokensArePartOfThePromptNotAddedToIt() {
    TokenUsage usage = new TokenUsage(2_048, 100, 1_920);

    assertThat(usage.uncachedPromptTokens()).isEqualTo(128);
    assertThat(usage.totalTokens()).isEqualTo(2_148);
  }

  @Test
  void plusSumsCachedPromptTokensToo() {
    TokenUsage first = new TokenUsage(1_100, 50, 0);
    TokenUsage second = new TokenUsage(1_300, 60, 1_024);

    assertThat(first.plus(second).plus(TokenUsage.unknown()))
        .isEqualTo(new TokenUsage(2_400, 110, 1_024));
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 0", "0, -1, 0", "5, 0, -1", "5, 0, 6"})
  void impossibleCountsAreRejected(long prompt, long completion, long cached) {
    assertThatThrownBy(() -> new TokenUsage(prompt, completion, cached))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
