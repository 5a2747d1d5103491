package dev.xct.model.openai;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.XctException;
import dev.xct.model.openai.internal.ChatCompletionsCall;
import dev.xct.model.openai.internal.ClientConfig;
import dev.xct.model.support.Completion;
import dev.xct.model.support.ModelFault;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ProposalSchema;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Asks any OpenAI-compatible chat-completions endpoint for the next decision: OpenAI, Azure OpenAI,
 * vLLM, llama.cpp's server, Ollama's {@code /v1}, LM Studio. Built on {@code java.net.http} and
 * Jackson only.
 *
 * <p>By default the request carries a {@link ProposalSchema} as {@code response_format} so that
 * servers with constrained decoding can only produce valid decisions; see {@link OutputMode} for
 * the alternatives. What comes back is judged by {@link Completion#toReply()}: a refusal, a reply
 * cut off at the token limit or several tool calls become a {@link ModelFault} the model sees and
 * corrects; an HTTP error, a timeout, a dropped connection or a body that is not a completion
 * throws {@link ModelTransportException}, which ends the run with {@code MODEL_FAILED}. Nothing is
 * retried unless a {@link RetryPolicy} is set.
 *
 * <p>Each call honours its request's {@link ModelRequest#cancellation()} and {@link
 * ModelRequest#deadline()}: cancelling the request aborts the HTTP exchange (the connection is
 * closed) and ends a wait for a retry; no wait, for a response or a retry, goes past the deadline.
 *
 * <p>The API key is sent only in its header and never logged, not even at TRACE; request and
 * response bodies are logged at TRACE. Immutable and thread-safe: one client serves concurrent
 * runs.
 */
public final class OpenAiModelClient implements ModelClient {
  /** The environment variable read for the endpoint's base URL by {@link #fromEnvironment()}. */
  public static final String ENV_URL = "XCT_MODEL_URL";

  /** The environment variable read for the model name by {@link #fromEnvironment()}. */
  public static final String ENV_MODEL = "XCT_MODEL";

  /** The environment variable the API key is read from unless the builder is told otherwise. */
  public static final String ENV_API_KEY = "XCT_API_KEY";

  /**
   * The environment variable read for the output mode by {@link #fromEnvironment()}: an {@link
   * OutputMode} name such as {@code json_object} (any case); default {@code json_schema}.
   */
  public static final String ENV_OUTPUT = "XCT_MODEL_OUTPUT";

  /** The base URL used when none is set. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final ClientConfig config;
  private final ChatCompletionsCall call;

  OpenAiModelClient(ClientConfig config) {
    this.config = config;
    this.call = new ChatCompletionsCall(config, Clock.systemUTC());
  }

  /** Returns a builder; {@link OpenAiModelClientBuilder#model(String)} is required. */
  public static OpenAiModelClientBuilder builder() {
    return new OpenAiModelClientBuilder(System.getenv());
  }

  /**
   * Returns a client configured from the process environment: {@value #ENV_URL} (default {@value
   * #DEFAULT_BASE_URL}), {@value #ENV_MODEL} (required), {@value #ENV_API_KEY} (optional) and
   * {@value #ENV_OUTPUT} (optional).
   *
   * @throws XctException if {@value #ENV_MODEL} is not set or {@value #ENV_OUTPUT} names no mode
   */
  public static OpenAiModelClient fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Returns a client configured from {@code environment}; see {@link #fromEnvironment()}. */
  public static OpenAiModelClient fromEnvironment(Map<String, String> environment) {
    String model = environment.get(ENV_MODEL);
    if (model == null || model.isBlank()) {
      throw new XctException("set " + ENV_MODEL + " to the model name, e.g. gpt-4o-mini");
    }
    OpenAiModelClientBuilder builder = new OpenAiModelClientBuilder(environment).model(model);
    String url = environment.get(ENV_URL);
    if (url != null && !url.isBlank()) {
      builder.baseUrl(url);
    }
    String output = environment.get(ENV_OUTPUT);
    if (output != null && !output.isBlank()) {
      builder.outputMode(outputMode(output));
    }
    return builder.build();
  }

  private static OutputMode outputMode(String name) {
    for (OutputMode mode : OutputMode.values()) {
      if (mode.name().equalsIgnoreCase(name.strip())) {
        return mode;
      }
    }
    throw new XctException(
        ENV_OUTPUT
            + " must name one of "
            + java.util.Arrays.toString(OutputMode.values())
            + ", was: "
            + name);
  }

  /**
   * Returns true: every call aborts its exchange on cancellation and never waits past the deadline.
   */
  @Override
  public boolean honoursCancellation() {
    return true;
  }

  @Override
  public ModelReply next(ModelRequest request) {
    return call.next(request);
  }

  /** Returns the chat-completions URL requests go to. */
  public URI endpoint() {
    return config.endpoint();
  }

  /** Returns the model name sent with every request. */
  public String model() {
    return config.model();
  }

  /** Returns the output mode. */
  public OutputMode outputMode() {
    return config.mode();
  }

  @Override
  public String toString() {
    return "OpenAiModelClient[" + config.endpoint() + ", " + config.model() + "]";
  }
}
