package dev.xct.model.openai;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.XctException;
import dev.xct.model.openai.internal.ChatCompletionsCall;
import dev.xct.model.openai.internal.ClientConfig;
import dev.xct.model.openai.internal.RequestBodies;
import dev.xct.model.support.Completion;
import dev.xct.model.support.ModelFault;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ProposalSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

  private OpenAiModelClient(ClientConfig config) {
    this.config = config;
    this.call = new ChatCompletionsCall(config, Clock.systemUTC());
  }

  /** Returns a builder; {@link Builder#model(String)} is required. */
  public static Builder builder() {
    return new Builder(System.getenv());
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
    Builder builder = new Builder(environment).model(model);
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

  /**
   * Configures an {@link OpenAiModelClient}. Not thread-safe; {@link #build()} copies its state.
   */
  public static final class Builder {
    private final Map<String, String> environment;
    private URI endpoint;
    private String baseUrl = DEFAULT_BASE_URL;
    private String model;
    private String apiKey;
    private boolean apiKeySet;
    private String apiKeyHeader = "Authorization";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, JsonValue> parameters = new LinkedHashMap<>();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);
    private OutputMode mode = OutputMode.JSON_SCHEMA;
    private boolean schemaFallback = true;
    private RetryPolicy retry = RetryPolicy.none();
    private HttpClient http;

    private Builder(Map<String, String> environment) {
      this.environment = environment;
    }

    /**
     * Sets the base URL; requests go to {@code baseUrl + "/chat/completions"}. Default {@value
     * #DEFAULT_BASE_URL}; Ollama is {@code http://localhost:11434/v1}, vLLM {@code
     * http://localhost:8000/v1}, llama.cpp {@code http://localhost:8080/v1}, LM Studio {@code
     * http://localhost:1234/v1}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      this.endpoint = null;
      return this;
    }

    /**
     * Sets the full chat-completions URL, query included, for endpoints that do not follow the
     * {@code /chat/completions} convention (Azure OpenAI deployments: {@code
     * https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT/chat/completions?api-version=…}).
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** Sets the model name sent with every request (required). */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Sets the API key. By default it is read from {@value #ENV_API_KEY}, if set. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      this.apiKeySet = true;
      return this;
    }

    /** Reads the API key from the environment variable {@code name} (empty or unset: no key). */
    public Builder apiKeyFromEnv(String name) {
      this.apiKey = environment.get(Objects.requireNonNull(name, "name"));
      this.apiKeySet = true;
      return this;
    }

    /** Sends no API key, whatever the environment holds (local servers). */
    public Builder noApiKey() {
      this.apiKey = null;
      this.apiKeySet = true;
      return this;
    }

    /**
     * Sets the header that carries the key. {@code Authorization} (the default) sends {@code Bearer
     * KEY}; any other name, such as Azure's {@code api-key}, sends the bare key.
     */
    public Builder apiKeyHeader(String name) {
      this.apiKeyHeader = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Adds a header sent with every request (never logged). */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds a member to every request body, such as {@code temperature}, {@code seed} or {@code
     * max_completion_tokens}; {@code value} is converted with {@link JsonValue#from(Object)}.
     *
     * @throws XctException if the client sets that member itself
     */
    public Builder parameter(String name, Object value) {
      Objects.requireNonNull(name, "name");
      if (RequestBodies.RESERVED.contains(name)) {
        throw new XctException("request member '" + name + "' is set by the client itself");
      }
      parameters.put(name, JsonValue.from(value));
      return this;
    }

    /** Sets the connect timeout (default 10 s); ignored with {@link #httpClient(HttpClient)}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connect timeout");
      return this;
    }

    /** Sets the longest wait for a complete response (default 120 s). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "read timeout");
      return this;
    }

    /** Sets the output mode (default {@link OutputMode#JSON_SCHEMA}). */
    public Builder outputMode(OutputMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets whether {@link OutputMode#JSON_SCHEMA} steps down to a weaker {@code response_format}
     * when the endpoint rejects one with HTTP 400 (default true).
     */
    public Builder schemaFallback(boolean fallback) {
      this.schemaFallback = fallback;
      return this;
    }

    /** Sets the retry policy (default {@link RetryPolicy#none()}). */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Uses {@code client} (for a proxy, TLS settings or an executor) instead of a new one. */
    public Builder httpClient(HttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws XctException if no model is set or the URL is not absolute
     */
    public OpenAiModelClient build() {
      if (model == null || model.isBlank()) {
        throw new XctException("model must be set");
      }
      URI uri = endpoint != null ? endpoint : chatCompletions(baseUrl);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new XctException("model endpoint must be an absolute URL, was: " + uri);
      }
      String key = apiKeySet ? apiKey : environment.get(ENV_API_KEY);
      HttpClient client =
          http != null
              ? http
              : HttpClient.newBuilder()
                  .connectTimeout(connectTimeout)
                  .version(HttpClient.Version.HTTP_1_1)
                  .build();
      return new OpenAiModelClient(
          new ClientConfig(
              uri,
              model,
              key == null || key.isBlank() ? null : key,
              apiKeyHeader,
              Collections.unmodifiableMap(new LinkedHashMap<>(headers)),
              Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
              readTimeout,
              mode,
              schemaFallback,
              retry,
              client));
    }

    private static URI chatCompletions(String baseUrl) {
      String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      try {
        return URI.create(base + "/chat/completions");
      } catch (IllegalArgumentException e) {
        throw new XctException("base URL is not a valid URL: " + baseUrl, e);
      }
    }

    private static Duration positive(Duration timeout, String what) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new XctException(what + " must be positive, was: " + timeout);
      }
      return timeout;
    }
  }
}
