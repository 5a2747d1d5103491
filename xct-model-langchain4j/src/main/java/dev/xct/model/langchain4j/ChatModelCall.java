package dev.xct.model.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.TokenUsage;
import dev.xct.model.support.Completion;
import dev.xct.model.support.ModelFault;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ProposalSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Performs {@link dev.xct.model.langchain4j.LangChain4jModelClient#next}; thread-safe. */
final class ChatModelCall {
  private static final Logger LOG = LoggerFactory.getLogger(ChatModelCall.class);

  private final ChatModel model;
  private final boolean schema;
  private final boolean json;

  /** Creates the call; decides once whether the schema is sent. */
  ChatModelCall(ChatModel model, StructuredOutput output) {
    this.model = model;
    this.schema =
        output == StructuredOutput.JSON_SCHEMA
            || (output == StructuredOutput.AUTO
                && model.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
    this.json = output == StructuredOutput.JSON;
  }

  /** Asks the model for the next decision. */
  ModelReply next(ModelRequest request) {
    ChatRequest.Builder chat = ChatRequest.builder().messages(messages(request));
    boolean wrapped = false;
    if (schema) {
      ProposalSchema proposals = ProposalSchema.of(request.tools());
      Optional<JsonValue> strict = proposals.strictSchema();
      wrapped = strict.isPresent();
      chat.responseFormat(jsonSchema(strict.orElse(proposals.schema())));
    } else if (json) {
      chat.responseFormat(ResponseFormat.JSON);
    }
    LOG.debug(
        "asking the chat model for step {} of run {} (schema: {})",
        request.step(),
        request.runId(),
        schema);
    ModelTransportException.requireWanted(request, "the chat model");
    ChatResponse response;
    try {
      response = model.chat(chat.build());
    } catch (ContentFilteredException e) {
      // LangChain4j reports a refusal this way: it is the model's answer, not a broken transport.
      return ModelFault.refused(String.valueOf(e.getMessage())).toReply(TokenUsage.unknown());
    } catch (RuntimeException e) {
      throw Failures.wrap(e, request);
    }
    Failures.requireReply(response);
    return completion(response, wrapped).toReply();
  }

  /** Reads a response that {@link Failures#requireReply} accepted. */
  private static Completion completion(ChatResponse response, boolean wrapped) {
    AiMessage message = response.aiMessage();
    String text = message.text() == null ? "" : message.text();
    List<Completion.Call> calls = new ArrayList<>();
    if (message.hasToolExecutionRequests()) {
      message
          .toolExecutionRequests()
          .forEach(r -> calls.add(new Completion.Call(r.name(), String.valueOf(r.arguments()))));
    }
    return new Completion(
        wrapped ? ProposalSchema.unwrap(text) : text,
        "",
        finish(response.finishReason()),
        calls,
        usage(response.tokenUsage()));
  }

  private static List<ChatMessage> messages(ModelRequest request) {
    List<ChatMessage> messages = new ArrayList<>(request.messages().size());
    for (dev.xct.core.context.ChatMessage message : request.messages()) {
      messages.add(
          switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
          });
    }
    return messages;
  }

  private static ResponseFormat jsonSchema(JsonValue schema) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(
            JsonSchema.builder()
                .name(ProposalSchema.NAME)
                .rootElement(JsonRawSchema.from(schema.toJson()))
                .build())
        .build();
  }

  private static Completion.Finish finish(FinishReason reason) {
    return reason == null ? Completion.Finish.OTHER : Completion.Finish.parse(reason.name());
  }

  private static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
    if (usage == null) {
      return TokenUsage.unknown();
    }
    long prompt = count(usage.inputTokenCount());
    return new TokenUsage(
        prompt, count(usage.outputTokenCount()), Math.min(CachedPromptTokens.of(usage), prompt));
  }

  private static long count(Integer value) {
    return value == null || value < 0 ? 0 : value;
  }
}
