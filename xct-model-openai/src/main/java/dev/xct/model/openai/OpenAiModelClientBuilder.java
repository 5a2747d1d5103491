package dev.xct.model.openai;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.model.openai.internal.ClientConfig;
import dev.xct.model.openai.internal.RequestBodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configures an {@link OpenAiModelClient}: where requests go, the key and headers they carry, how
 * the output is shaped, timeouts and retries. Made by {@link OpenAiModelClient#builder()}; only the
 * model is required, and {@link #build()} checks the whole configuration at once.
 *
 * <p>Not thread-safe; {@link #build()} copies its state, so later changes do not reach a built
 * client.
 */
public final class OpenAiModelClientBuilder {
  private final Map<String, String> environment;
  private URI endpoint;
  private String baseUrl = OpenAiModelClient.DEFAULT_BASE_URL;
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

  OpenAiModelClientBuilder(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Sets the base URL; requests go to {@code baseUrl + "/chat/completions"}. Default {@value
   * OpenAiModelClient#DEFAULT_BASE_URL}; Ollama is {@code http://localhost:11434/v1}, vLLM {@code
   * http://localhost:8000/v1}, llama.cpp {@code http://localhost:8080/v1}, LM Studio {@code
   * http://localhost:1234/v1}.
   */
  public OpenAiModelClientBuilder baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.endpoint = null;
    return this;
  }

  /**
   * Sets the full chat-completions URL, query included, for endpoints that do not follow the {@code
   * /chat/completions} convention (Azure OpenAI deployments: {@code
   * https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT/chat/completions?api-version=…}).
   */
  public OpenAiModelClientBuilder endpoint(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /** Sets the model name sent with every request (required). */
  public OpenAiModelClientBuilder model(String model) {
    this.model = Objects.requireNonNull(model, "model");
    return this;
  }

  /**
   * Sets the API key. By default it is read from {@value OpenAiModelClient#ENV_API_KEY}, if set.
   */
  public OpenAiModelClientBuilder apiKey(String apiKey) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.apiKeySet = true;
    return this;
  }

  /** Reads the API key from the environment variable {@code name} (empty or unset: no key). */
  public OpenAiModelClientBuilder apiKeyFromEnv(String name) {
    this.apiKey = environment.get(Objects.requireNonNull(name, "name"));
    this.apiKeySet = true;
    return this;
  }

  /** Sends no API key, whatever the environment holds (local servers). */
  public OpenAiModelClientBuilder noApiKey() {
    this.apiKey = null;
    this.apiKeySet = true;
    return this;
  }

  /**
   * Sets the header that carries the key. {@code Authorization} (the default) sends {@code Bearer
   * KEY}; any other name, such as Azure's {@code api-key}, sends the bare key.
   */
  public OpenAiModelClientBuilder apiKeyHeader(String name) {
    this.apiKeyHeader = Objects.requireNonNull(name, "name");
    return this;
  }

  /** Adds a header sent with every request (never logged). */
  public OpenAiModelClientBuilder header(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Adds a member to every request body, such as {@code temperature}, {@code seed} or {@code
   * max_completion_tokens}; {@code value} is converted with {@link JsonValue#from(Object)}.
   *
   * @throws XctException if the client sets that member itself
   */
  public OpenAiModelClientBuilder parameter(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (RequestBodies.RESERVED.contains(name)) {
      throw new XctException("request member '" + name + "' is set by the client itself");
    }
    parameters.put(name, JsonValue.from(value));
    return this;
  }

  /** Sets the connect timeout (default 10 s); ignored with {@link #httpClient(HttpClient)}. */
  public OpenAiModelClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connect timeout");
    return this;
  }

  /** Sets the longest wait for a complete response (default 120 s). */
  public OpenAiModelClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = positive(timeout, "read timeout");
    return this;
  }

  /** Sets the output mode (default {@link OutputMode#JSON_SCHEMA}). */
  public OpenAiModelClientBuilder outputMode(OutputMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * Sets whether {@link OutputMode#JSON_SCHEMA} steps down to a weaker {@code response_format} when
   * the endpoint rejects one with HTTP 400 (default true).
   */
  public OpenAiModelClientBuilder schemaFallback(boolean fallback) {
    this.schemaFallback = fallback;
    return this;
  }

  /** Sets the retry policy (default {@link RetryPolicy#none()}). */
  public OpenAiModelClientBuilder retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /** Uses {@code client} (for a proxy, TLS settings or an executor) instead of a new one. */
  public OpenAiModelClientBuilder httpClient(HttpClient client) {
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
    String key = apiKeySet ? apiKey : environment.get(OpenAiModelClient.ENV_API_KEY);
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
