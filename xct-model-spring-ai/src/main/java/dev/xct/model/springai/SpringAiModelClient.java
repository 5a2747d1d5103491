package dev.xct.model.springai;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Asks a Spring AI {@link ChatModel} or {@link ChatClient} for the next decision, so a model
 * configured through Spring AI (OpenAI, Anthropic, Ollama, Vertex, Bedrock…) can drive an XCT loop:
 *
 * <pre>{@code
 * ExecutionLoop loop = ExecutionLoop.builder(SpringAiModelClient.of(chatModel), tools).build();
 * }</pre>
 *
 * <p>The rendered messages are sent as system, user and assistant messages. Where the model's
 * options support it (see {@link StructuredOutput}), the {@link
 * dev.xct.model.support.ProposalSchema} goes along as Spring AI's output schema: the strict form
 * when every tool allows it (its {@code {"decision": …}} wrapper is removed from the reply again),
 * the exact form otherwise. The model's own default options are kept. Replies are judged by {@link
 * dev.xct.model.support.Completion#toReply()}, so refusals, truncation and several tool calls are
 * faults the model sees; any exception is rethrown as a {@link
 * dev.xct.model.support.ModelTransportException} (the provider's own exception is its cause) and
 * ends the run. XCT adds no retries; the model's own retry settings still apply.
 *
 * <p>A request that is already cancelled or past its deadline ({@link
 * dev.xct.core.ModelRequest#cancellation()}, {@link dev.xct.core.ModelRequest#deadline()}) is not
 * sent. Once made, a Spring AI call blocks and cannot be aborted from outside: on the loop's worker
 * threads (the default) the loop stops waiting when the run is cancelled or out of time and
 * interrupts the call, but the provider's HTTP client may finish the exchange in the background
 * until the model's own timeout; a failure after cancellation is kind {@code CANCELLED}. With
 * {@code inlineTools()} the run waits for the model's own timeout.
 *
 * <p>Immutable; thread-safe when the wrapped model or client is (Spring AI's are).
 */
public final class SpringAiModelClient implements ModelClient {
  private final PromptCall call;

  private SpringAiModelClient(PromptCall call) {
    this.call = call;
  }

  /** Returns a client for {@code model} with {@link StructuredOutput#AUTO}. */
  public static SpringAiModelClient of(ChatModel model) {
    return of(model, StructuredOutput.AUTO);
  }

  /** Returns a client for {@code model} that shapes output as {@code output} says. */
  public static SpringAiModelClient of(ChatModel model, StructuredOutput output) {
    Objects.requireNonNull(model, "model");
    return new SpringAiModelClient(
        PromptCall.forModel(model, Objects.requireNonNull(output, "output")));
  }

  /**
   * Returns a client for {@code client} that sends no output schema: a {@code ChatClient} hides its
   * model, and Spring AI merges request options into the model's options only when they are of the
   * model's own options type. Use {@link #of(ChatClient, Supplier)} to send the schema.
   */
  public static SpringAiModelClient of(ChatClient client) {
    Objects.requireNonNull(client, "client");
    return new SpringAiModelClient(PromptCall.forClient(client, null));
  }

  /**
   * Returns a client for {@code client} that sends the output schema in request options made by
   * {@code options}, which must create a builder of the model's own options type, for example
   * {@code OpenAiChatOptions::builder}. Builders that do not support an output schema send none.
   * The client's advisors run as usual; a client with a chat memory advisor would repeat the
   * transcript XCT already sends, so use one without.
   */
  public static SpringAiModelClient of(
      ChatClient client, Supplier<? extends ChatOptions.Builder<?>> options) {
    Objects.requireNonNull(client, "client");
    return new SpringAiModelClient(
        PromptCall.forClient(client, Objects.requireNonNull(options, "options")));
  }

  @Override
  public ModelReply next(ModelRequest request) {
    return call.next(request);
  }
}
