package dev.xct.model.springai;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.TokenUsage;
import dev.xct.model.support.Completion;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ProposalSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

/** Performs {@link dev.xct.model.springai.SpringAiModelClient#next}; thread-safe. */
final class PromptCall {
  private static final Logger LOG = LoggerFactory.getLogger(PromptCall.class);

  /** Sends messages with options built from an output schema (or null) and returns the response. */
  private final BiFunction<List<Message>, String, ChatResponse> send;

  private final boolean schema;

  private PromptCall(BiFunction<List<Message>, String, ChatResponse> send, boolean schema) {
    this.send = send;
    this.schema = schema;
  }

  /** Returns the call for a chat model; its default options are kept and extended. */
  static PromptCall forModel(ChatModel model, StructuredOutput output) {
    ChatOptions defaults = model.getOptions();
    boolean schema =
        output == StructuredOutput.JSON_SCHEMA
            || (output == StructuredOutput.AUTO && defaults instanceof StructuredOutputChatOptions);
    return new PromptCall(
        (messages, outputSchema) ->
            model.call(new Prompt(messages, options(defaults, outputSchema))),
        schema);
  }

  /**
   * Returns the call for a chat client; the schema goes in as request options from {@code options},
   * or nowhere when {@code options} is null or makes builders without an output schema.
   */
  static PromptCall forClient(
      ChatClient client, Supplier<? extends ChatOptions.Builder<?>> options) {
    boolean schema =
        options != null && options.get() instanceof StructuredOutputChatOptions.Builder;
    return new PromptCall(
        (messages, outputSchema) -> {
          ChatClient.ChatClientRequestSpec spec = client.prompt(new Prompt(messages));
          if (outputSchema != null) {
            ChatOptions.Builder<?> builder = options.get();
            ((StructuredOutputChatOptions.Builder<?>) builder).outputSchema(outputSchema);
            spec = spec.options(builder);
          }
          return spec.call().chatResponse();
        },
        schema);
  }

  /** Asks the model for the next decision. */
  ModelReply next(ModelRequest request) {
    String outputSchema = null;
    boolean wrapped = false;
    if (schema) {
      ProposalSchema proposals = ProposalSchema.of(request.tools());
      Optional<JsonValue> strict = proposals.strictSchema();
      wrapped = strict.isPresent();
      outputSchema = strict.orElse(proposals.schema()).toJson();
    }
    LOG.debug(
        "asking the Spring AI model for step {} of run {} (schema: {})",
        request.step(),
        request.runId(),
        schema);
    ModelTransportException.requireWanted(request, "the model");
    ChatResponse response;
    try {
      response = send.apply(messages(request), outputSchema);
    } catch (RuntimeException e) {
      throw Failures.wrap(e, request);
    }
    Failures.requireReply(response);
    return completion(response, wrapped).toReply();
  }

  private static ChatOptions options(ChatOptions defaults, String outputSchema) {
    if (outputSchema == null) {
      return defaults;
    }
    if (defaults instanceof StructuredOutputChatOptions structured) {
      StructuredOutputChatOptions.Builder<?> builder = structured.mutate();
      builder.outputSchema(outputSchema);
      return builder.build();
    }
    return StructuredOutputChatOptions.builder().outputSchema(outputSchema).build();
  }

  private static List<Message> messages(ModelRequest request) {
    List<Message> messages = new ArrayList<>(request.messages().size());
    for (dev.xct.core.context.ChatMessage message : request.messages()) {
      messages.add(
          switch (message.role()) {
            case SYSTEM -> new SystemMessage(message.content());
            case USER -> new UserMessage(message.content());
            case ASSISTANT -> new AssistantMessage(message.content());
          });
    }
    return messages;
  }

  /** Reads a response that {@link Failures#requireReply} accepted. */
  private static Completion completion(ChatResponse response, boolean wrapped) {
    Generation generation = response.getResult();
    AssistantMessage output = generation.getOutput();
    String text = output.getText() == null ? "" : output.getText();
    List<Completion.Call> calls = new ArrayList<>();
    if (output.hasToolCalls()) {
      output
          .getToolCalls()
          .forEach(call -> calls.add(new Completion.Call(call.name(), call.arguments())));
    }
    String finish =
        generation.getMetadata() == null ? null : generation.getMetadata().getFinishReason();
    return new Completion(
        wrapped ? ProposalSchema.unwrap(text) : text,
        refusal(output),
        Completion.Finish.parse(finish),
        calls,
        usage(response));
  }

  private static String refusal(AssistantMessage output) {
    Object refusal = output.getMetadata() == null ? null : output.getMetadata().get("refusal");
    return refusal instanceof String text ? text : "";
  }

  /**
   * Reads the counts; cached prompt tokens from {@link Usage#getCacheReadInputTokens()}, which
   * Spring AI's provider modules fill where they know it (its OpenAI module from {@code
   * prompt_tokens_details.cached_tokens}); bounded by the prompt tokens.
   */
  private static TokenUsage usage(ChatResponse response) {
    if (response.getMetadata() == null) {
      return TokenUsage.unknown();
    }
    Usage usage = response.getMetadata().getUsage();
    if (usage == null) {
      return TokenUsage.unknown();
    }
    long prompt = count(usage.getPromptTokens());
    Long cached = usage.getCacheReadInputTokens();
    return new TokenUsage(
        prompt,
        count(usage.getCompletionTokens()),
        cached == null || cached < 0 ? 0 : Math.min(cached, prompt));
  }

  private static long count(Integer value) {
    return value == null || value < 0 ? 0 : value;
  }
}
