package dev.xct.model.langchain4j;

import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Reads the cached prompt tokens a LangChain4j usage reports. LangChain4j's {@link TokenUsage} has
 * no such count; provider modules subclass it, and the one read here is {@code
 * langchain4j-open-ai}'s {@code OpenAiTokenUsage} ({@code inputTokensDetails().cachedTokens()},
 * OpenAI's {@code prompt_tokens_details.cached_tokens}). That module is optional: the class is only
 * touched when the adapter's class loader has it, so without it every usage reads as none cached.
 * Stateless and thread-safe.
 */
final class CachedPromptTokens {
  private static final boolean OPEN_AI = present("dev.langchain4j.model.openai.OpenAiTokenUsage");

  private CachedPromptTokens() {}

  /** Returns the cached prompt tokens of {@code usage}, or 0 when its class reports none. */
  static long of(TokenUsage usage) {
    return OPEN_AI ? OpenAi.cached(usage) : 0;
  }

  private static boolean present(String name) {
    try {
      Class.forName(name, false, CachedPromptTokens.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Loaded only when {@code OpenAiTokenUsage} is present, so its absence never fails a call. */
  private static final class OpenAi {
    static long cached(TokenUsage usage) {
      if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
        Integer cached = openAi.inputTokensDetails().cachedTokens();
        return cached == null || cached < 0 ? 0 : cached;
      }
      return 0;
    }
  }
}
