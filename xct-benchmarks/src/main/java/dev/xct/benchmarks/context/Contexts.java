package dev.xct.benchmarks.context;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import dev.langchain4j.model.TokenCountEstimator;
import dev.xct.benchmarks.context.PromptTokens.Message;
import dev.xct.core.Step;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.ContextRenderer;
import dev.xct.core.internal.collect.AppendOnlyList;
import dev.xct.core.internal.context.ContextText;
import dev.xct.core.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.MessageType;

/**
 * The ways of building each request's messages that the benchmark compares, all fed the same
 * history one step at a time: XCT's renderers, given the run's growing transcript as the loop gives
 * it, and the peers' chat memories, given the system prompt, the task and then each step's reply
 * and labelled response (XCT's own texts), as an application on those libraries would add them.
 */
final class Contexts {
  private Contexts() {}

  /** Makes each request of one run, step by step. Not thread-safe. */
  interface Context {
    /** Adds {@code step}, the last one the previous request led to. */
    void add(Step step);

    /** Returns the messages of the next request. */
    List<Message> request();
  }

  /** Makes a fresh context for one run of {@code task} with {@code tools}. */
  interface Factory {
    Context start(String task, List<ToolSpec> tools);
  }

  static Factory xct(ContextRenderer renderer) {
    return (task, tools) ->
        new Context() {
          private final AppendOnlyList<Step> transcript = new AppendOnlyList<>();

          @Override
          public void add(Step step) {
            transcript.add(step);
          }

          @Override
          public List<Message> request() {
            List<Message> out = new ArrayList<>();
            for (ChatMessage m : renderer.render(task, tools, transcript.snapshot())) {
              out.add(new Message(m.role().name(), m.content()));
            }
            return out;
          }
        };
  }

  /** LangChain4j's memory made by {@code memory}, as an application on LangChain4j feeds it. */
  static Factory langChain4j(java.util.function.Supplier<ChatMemory> memory) {
    return (task, tools) -> {
      ChatMemory chat = memory.get();
      chat.add(SystemMessage.from(ContextText.systemPrompt(tools)));
      chat.add(UserMessage.from(ContextText.TASK_PREFIX + task));
      return new Context() {
        @Override
        public void add(Step step) {
          chat.add(AiMessage.from(ContextText.reply(step, REPLY_CHARS)));
          chat.add(UserMessage.from(ContextText.response(step)));
        }

        @Override
        public List<Message> request() {
          List<Message> out = new ArrayList<>();
          for (dev.langchain4j.data.message.ChatMessage m : chat.messages()) {
            String text =
                m instanceof SystemMessage system
                    ? system.text()
                    : m instanceof UserMessage user ? user.singleText() : ((AiMessage) m).text();
            out.add(new Message(role(m.type().name()), text));
          }
          return out;
        }
      };
    };
  }

  static Factory langChain4jMessageWindow(int maxMessages) {
    return langChain4j(() -> MessageWindowChatMemory.withMaxMessages(maxMessages));
  }

  static Factory langChain4jTokenWindow(int maxTokens, PromptTokens counter) {
    TokenCountEstimator estimator =
        new TokenCountEstimator() {
          @Override
          public int estimateTokenCountInText(String text) {
            return counter.tokens(text).length;
          }

          @Override
          public int estimateTokenCountInMessage(dev.langchain4j.data.message.ChatMessage m) {
            return PromptTokens.PER_MESSAGE
                + estimateTokenCountInText(
                    m instanceof SystemMessage system
                        ? system.text()
                        : m instanceof UserMessage user
                            ? user.singleText()
                            : ((AiMessage) m).text());
          }

          @Override
          public int estimateTokenCountInMessages(
              Iterable<dev.langchain4j.data.message.ChatMessage> messages) {
            int total = 0;
            for (dev.langchain4j.data.message.ChatMessage m : messages) {
              total += estimateTokenCountInMessage(m);
            }
            return total;
          }
        };
    return langChain4j(() -> TokenWindowChatMemory.withMaxTokens(maxTokens, estimator));
  }

  /** Spring AI's {@code MessageWindowChatMemory} keeping {@code maxMessages}. */
  static Factory springAi(int maxMessages) {
    return (task, tools) -> {
      ChatMemoryRepository repository = new InMemoryChatMemoryRepository();
      org.springframework.ai.chat.memory.MessageWindowChatMemory chat =
          org.springframework.ai.chat.memory.MessageWindowChatMemory.builder()
              .chatMemoryRepository(repository)
              .maxMessages(maxMessages)
              .build();
      String id = "run";
      chat.add(
          id,
          List.of(
              new org.springframework.ai.chat.messages.SystemMessage(
                  ContextText.systemPrompt(tools)),
              new org.springframework.ai.chat.messages.UserMessage(
                  ContextText.TASK_PREFIX + task)));
      return new Context() {
        @Override
        public void add(Step step) {
          chat.add(
              id,
              List.of(
                  new AssistantMessage(ContextText.reply(step, REPLY_CHARS)),
                  new org.springframework.ai.chat.messages.UserMessage(
                      ContextText.response(step))));
        }

        @Override
        public List<Message> request() {
          List<Message> out = new ArrayList<>();
          for (org.springframework.ai.chat.messages.Message m : chat.get(id)) {
            MessageType type = m.getMessageType();
            out.add(new Message(role(type.name()), m.getText()));
          }
          return out;
        }
      };
    };
  }

  /** The most characters of a reply XCT repeats, as its default renderer does. */
  static final int REPLY_CHARS = 8_000;

  private static String role(String type) {
    return switch (type) {
      case "SYSTEM" -> "SYSTEM";
      case "AI", "ASSISTANT" -> "ASSISTANT";
      default -> "USER";
    };
  }
}
