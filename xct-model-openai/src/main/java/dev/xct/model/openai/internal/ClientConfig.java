package dev.xct.model.openai.internal;

import dev.xct.core.JsonValue;
import dev.xct.model.openai.OutputMode;
import dev.xct.model.openai.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * The settings of one {@link dev.xct.model.openai.OpenAiModelClient}, copied from its builder.
 *
 * @param endpoint the chat-completions URL
 * @param model the model name sent in every request
 * @param apiKey the API key, or null to send none; never logged
 * @param apiKeyHeader the header carrying the key: {@code Authorization} sends {@code Bearer KEY}
 * @param headers extra headers, in order
 * @param parameters extra body members, in order
 * @param readTimeout the longest wait for a complete response
 * @param mode how the output is shaped
 * @param schemaFallback whether to step down when the endpoint rejects {@code response_format}
 * @param retry the retry policy
 * @param http the HTTP client
 */
public record ClientConfig(
    URI endpoint,
    String model,
    String apiKey,
    String apiKeyHeader,
    Map<String, String> headers,
    Map<String, JsonValue> parameters,
    Duration readTimeout,
    OutputMode mode,
    boolean schemaFallback,
    RetryPolicy retry,
    HttpClient http) {

  @Override
  public String toString() {
    return "ClientConfig[" + endpoint + ", model=" + model + ", mode=" + mode + "]";
  }
}
