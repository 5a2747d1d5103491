package dev.xct.model.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TokenPriceTest {
  private static final TokenUsage HALF_CACHED = new TokenUsage(2_000_000, 100_000, 1_000_000);

  @Test
  void aPriceWithoutACachedPriceChargesCachedPromptTokensThePromptPrice() {
    TokenPrice price = TokenPrice.perMillion("2.50", "10.00");

    assertThat(price.cachedPromptPerMillion()).isEqualByComparingTo("2.50");
    // 2 M prompt tokens at 2.50 and 0.1 M completion tokens at 10: cached or not, as before.
    assertThat(price.cost(HALF_CACHED)).isEqualByComparingTo("6.00");
    assertThat(price.cost(new TokenUsage(2_000_000, 100_000))).isEqualByComparingTo("6.00");
  }

  @Test
  void cachedPromptTokensArePricedAtTheCachedPriceAndOnlyOnce() {
    TokenPrice price = TokenPrice.perMillion("2.50", "10.00").withCachedPromptPerMillion("1.25");

    // 1 M uncached at 2.50 + 1 M cached at 1.25 + 0.1 M completion at 10.
    assertThat(price.cost(HALF_CACHED)).isEqualByComparingTo("4.75");
    assertThat(price.promptPerMillion()).isEqualByComparingTo("2.50");
    assertThat(price.completionPerMillion()).isEqualByComparingTo("10.00");
  }

  @Test
  void smallUsageIsPricedExactly() {
    TokenPrice price = TokenPrice.perMillion("0.15", "0.60").withCachedPromptPerMillion("0.075");

    // 976 * 0.15 + 1024 * 0.075 + 500 * 0.60, per million.
    assertThat(price.cost(new TokenUsage(2_000, 500, 1_024))).isEqualByComparingTo("0.0005232");
  }

  @Test
  void theCanonicalConstructorTakesTheCachedPriceLast() {
    TokenPrice price =
        new TokenPrice(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.30"));

    assertThat(price)
        .isEqualTo(TokenPrice.perMillion("3", "15").withCachedPromptPerMillion("0.30"));
    assertThat(new TokenPrice(new BigDecimal("3"), new BigDecimal("15")))
        .isEqualTo(new TokenPrice(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("3")));
  }

  @Test
  void negativePricesAreRejected() {
    TokenPrice price = TokenPrice.perMillion("1", "1");

    assertThatThrownBy(() -> price.withCachedPromptPerMillion("-0.1"))
        .isInstanceOf(XctException.class);
    assertThatThrownBy(() -> TokenPrice.perMillion("1", "-1")).isInstanceOf(XctException.class);
  }
}
