package dev.xct.model.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.model.support.testing.SafeFileCreation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Cached prompt tokens as LangChain4j's usage objects expose them, read by the client. */
class CachedPromptTokensTest {
  /** A chat model that answers done with {@code usage}, as a provider module would report it. */
  private static ModelReply askWith(dev.langchain4j.model.output.TokenUsage usage) {
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder()
                .aiMessage(AiMessage.from("{\"done\":true}"))
                .finishReason(FinishReason.STOP)
                .tokenUsage(usage)
                .build();
          }
        };
    return LangChain4jModelClient.of(model).next(SafeFileCreation.request());
  }

  private static OpenAiTokenUsage openAiUsage(int input, Integer cached) {
    return OpenAiTokenUsage.builder()
        .inputTokenCount(input)
        .outputTokenCount(20)
        .inputTokensDetails(
            OpenAiTokenUsage.InputTokensDetails.builder().cachedTokens(cached).build())
        .build();
  }

  @Test
  void openAiTokenUsageIsReadWhicheverModelMadeIt() {
    assertThat(askWith(openAiUsage(3_000, 2_944)).usage())
        .isEqualTo(new TokenUsage(3_000, 20, 2_944));
    assertThat(askWith(openAiUsage(3_000, null)).usage()).isEqualTo(new TokenUsage(3_000, 20, 0));
    assertThat(askWith(openAiUsage(3_000, -5)).usage()).isEqualTo(new TokenUsage(3_000, 20, 0));
  }

  @Test
  void aCachedCountAboveThePromptIsBoundedByItNotFatal() {
    assertThat(askWith(openAiUsage(1_000, 4_096)).usage())
        .isEqualTo(new TokenUsage(1_000, 20, 1_000));
  }

  @Test
  void usageOfProvidersThatReportNoCacheReadsAsNoneCached() {
    assertThat(askWith(new dev.langchain4j.model.output.TokenUsage(1_500, 30)).usage())
        .isEqualTo(new TokenUsage(1_500, 30, 0));
    assertThat(askWith(OpenAiTokenUsage.builder().inputTokenCount(700).build()).usage())
        .isEqualTo(new TokenUsage(700, 0, 0));
  }

  @Test
  void withoutLangChain4jsOpenAiModuleUsageReadsAsNoneCachedAndNothingFails() throws Exception {
    // This adapter's classes, langchain4j-core and SLF4J only: no langchain4j-open-ai.
    URL[] path = {
      location(CachedPromptTokens.class),
      location(OpenAiTokenUsage.class.getSuperclass()),
      location(org.slf4j.LoggerFactory.class)
    };
    assertThat(path[1]).isNotEqualTo(location(OpenAiTokenUsage.class));
    try (URLClassLoader alone = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
      Class<?> usageType = alone.loadClass(dev.langchain4j.model.output.TokenUsage.class.getName());
      Object usage = usageType.getConstructor(Integer.class, Integer.class).newInstance(900, 10);
      Method of =
          alone.loadClass(CachedPromptTokens.class.getName()).getDeclaredMethod("of", usageType);
      of.setAccessible(true);

      assertThat(of.invoke(null, usage)).isEqualTo(0L);
      assertThatThrownBy(() -> alone.loadClass(OpenAiTokenUsage.class.getName()))
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
