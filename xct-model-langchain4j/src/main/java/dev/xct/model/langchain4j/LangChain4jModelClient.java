package dev.xct.model.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import java.util.Objects;

/**
 * Asks a LangChain4j {@link ChatModel} for the next decision, so any provider configured through
 * LangChain4j (OpenAI, Anthropic, Gemini, Ollama, Bedrock, Azure…) can drive an XCT loop:
 *
 * <pre>{@code
 * ExecutionLoop loop = ExecutionLoop.builder(LangChain4jModelClient.of(chatModel), tools).build();
 * }</pre>
 *
 * <p>The rendered messages are sent as system, user and AI messages. Where the model supports it
 * (see {@link StructuredOutput}), the request carries the {@link
 * dev.xct.model.support.ProposalSchema} as its JSON-schema response format: the strict form when
 * every tool allows it (the reply's {@code {"decision": …}} wrapper is removed again), the exact
 * form otherwise. Replies are judged by {@link dev.xct.model.support.Completion#toReply()}; a
 * refusal (LangChain4j's {@code ContentFilteredException}) is the fault {@code MODEL_REFUSED},
 * which the model sees; any other exception is rethrown as a {@link
 * dev.xct.model.support.ModelTransportException} and ends the run. XCT adds no retries; the chat
 * model's own {@code maxRetries} still applies.
 *
 * <p>A request that is already cancelled or past its deadline ({@link
 * dev.xct.core.ModelRequest#cancellation()}, {@link dev.xct.core.ModelRequest#deadline()}) is not
 * sent. Once called, a {@code ChatModel} blocks and cannot be aborted from outside: on the loop's
 * worker threads (the default) the loop stops waiting when the run is cancelled or out of time and
 * interrupts the call, which LangChain4j's default HTTP client (the JDK's) answers by aborting the
 * exchange; a failure after cancellation is kind {@code CANCELLED}. With {@code inlineTools()} the
 * run waits for the chat model's own {@code timeout}.
 *
 * <p>Immutable; thread-safe when the wrapped model is (LangChain4j's provider models are).
 */
public final class LangChain4jModelClient implements ModelClient {
  private final ChatModelCall call;

  private LangChain4jModelClient(ChatModel model, StructuredOutput output) {
    this.call = new ChatModelCall(model, output);
  }

  /** Returns a client for {@code model} with {@link StructuredOutput#AUTO}. */
  public static LangChain4jModelClient of(ChatModel model) {
    return new LangChain4jModelClient(
        Objects.requireNonNull(model, "model"), StructuredOutput.AUTO);
  }

  /** Returns a client for {@code model} that shapes output as {@code output} says. */
  public static LangChain4jModelClient of(ChatModel model, StructuredOutput output) {
    return new LangChain4jModelClient(
        Objects.requireNonNull(model, "model"), Objects.requireNonNull(output, "output"));
  }

  @Override
  public ModelReply next(ModelRequest request) {
    return call.next(request);
  }
}
