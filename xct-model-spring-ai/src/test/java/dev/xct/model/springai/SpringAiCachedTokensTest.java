package dev.xct.model.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.SafeFileCreation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/** Cached prompt tokens as Spring AI's {@link Usage} exposes them. */
class SpringAiCachedTokensTest {
  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private ModelReply askOpenAi(String fixture) {
    server.enqueueFixtures(fixture);
    OpenAiChatModel model =
        OpenAiChatModel.builder()
            .options(
                OpenAiChatOptions.builder()
                    .baseUrl(server.baseUrl())
                    .apiKey("sk-test-spring")
                    .model("gpt-4o-mini")
                    .maxRetries(0)
                    .timeout(Duration.ofSeconds(30))
                    .build())
            .build();
    return SpringAiModelClient.of(model).next(SafeFileCreation.request());
  }

  /** A chat model that answers done with {@code usage}, as a provider module would report it. */
  private static ModelReply askWith(Usage usage) {
    ChatModel model =
        prompt ->
            new ChatResponse(
                List.of(new Generation(new AssistantMessage("{\"done\":true}"))),
                ChatResponseMetadata.builder().usage(usage).build());
    return SpringAiModelClient.of(model).next(SafeFileCreation.request());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "openai/cached-proposal.json, 2418, 41, 2304",
    "vllm/cached-proposal.json, 1534, 45, 1520",
    "openai/proposal.json, 907, 38, 0",
  })
  void openAisChatModelReportsTheCachedTokensOfPromptTokensDetails(
      String fixture, long prompt, long completion, long cached) {
    ModelReply reply = askOpenAi(fixture);

    assertThat(reply.usage()).isEqualTo(new TokenUsage(prompt, completion, cached));
  }

  @Test
  void deepSeeksOwnCacheCountIsNotInSpringAisOpenAiUsage() {
    // Spring AI's OpenAI module reads prompt_tokens_details only, not prompt_cache_hit_tokens.
    ModelReply reply = askOpenAi("deepseek/cached-proposal.json");

    assertThat(reply.usage()).isEqualTo(new TokenUsage(2_210, 40, 0));
  }

  @Test
  void theCacheReadCountOfAnyUsageIsRead() {
    assertThat(askWith(new DefaultUsage(3_000, 20, 3_020, null, 2_944L, 0L)).usage())
        .isEqualTo(new TokenUsage(3_000, 20, 2_944));
    assertThat(askWith(new DefaultUsage(3_000, 20, 3_020, null, null, null)).usage())
        .isEqualTo(new TokenUsage(3_000, 20, 0));
    assertThat(askWith(new DefaultUsage(3_000, 20, 3_020, null, -1L, null)).usage())
        .isEqualTo(new TokenUsage(3_000, 20, 0));
  }

  @Test
  void aCachedCountAboveThePromptIsBoundedByItNotFatal() {
    assertThat(askWith(new DefaultUsage(1_000, 20, 1_020, null, 4_096L, null)).usage())
        .isEqualTo(new TokenUsage(1_000, 20, 1_000));
  }

  @Test
  void usageThatReportsNoCacheReadsAsNoneCached() {
    assertThat(askWith(new DefaultUsage(1_500, 30)).usage())
        .isEqualTo(new TokenUsage(1_500, 30, 0));
    assertThat(askWith(new EmptyUsage()).usage()).isEqualTo(TokenUsage.unknown());
  }
}
