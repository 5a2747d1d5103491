package dev.xct.model.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.model.support.testing.SafeFileCreation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** Token usage, cached prompt tokens included, as Spring AI's {@link Usage} exposes it. */
class PromptCallUsageTest {
  /** A chat model that answers done with {@code usage}, as a provider module would report it. */
  private static ModelReply askWith(Usage usage) {
    ChatModel model =
        prompt ->
            new ChatResponse(
                List.of(new Generation(new AssistantMessage("{\"done\":true}"))),
                ChatResponseMetadata.builder().usage(usage).build());
    return SpringAiModelClient.of(model).next(SafeFileCreation.request());
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
