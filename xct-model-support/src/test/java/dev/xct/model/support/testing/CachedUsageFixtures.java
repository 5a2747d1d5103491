package dev.xct.model.support.testing;

import dev.xct.core.TokenUsage;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Recorded replies whose usage reports prompt tokens served from the provider's cache, with the
 * {@link TokenUsage} each adapter must read from them: one table for every adapter's tests.
 */
public final class CachedUsageFixtures {
  /**
   * DeepSeek's reply: its cache hits in {@code prompt_cache_hit_tokens}, no {@code
   * prompt_tokens_details}.
   */
  public static final String DEEPSEEK = "deepseek/cached-proposal.json";

  /** DeepSeek's usage, cache hits included. */
  public static final TokenUsage DEEPSEEK_USAGE = new TokenUsage(2_210, 40, 2_176);

  private CachedUsageFixtures() {}

  /**
   * Returns (fixture, usage) for replies in OpenAI's shape: cached tokens in {@code
   * prompt_tokens_details.cached_tokens} (OpenAI; vLLM with {@code
   * --enable-prompt-tokens-details}), and a reply whose details say none were cached.
   */
  public static Stream<Arguments> promptTokensDetails() {
    return Stream.of(
        Arguments.of("openai/cached-proposal.json", new TokenUsage(2_418, 41, 2_304)),
        Arguments.of("vllm/cached-proposal.json", new TokenUsage(1_534, 45, 1_520)),
        Arguments.of("openai/proposal.json", new TokenUsage(907, 38, 0)));
  }
}
