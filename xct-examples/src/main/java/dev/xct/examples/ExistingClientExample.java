package dev.xct.examples;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Validators;
import dev.xct.examples.k8s.InMemoryCluster;
import dev.xct.examples.k8s.K8sTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts XCT's loop around an LLM client you already have. Here the "existing client" is a few lines
 * of the JDK's {@link HttpClient} calling any OpenAI-compatible chat completions endpoint; yours
 * might be LangChain4j, Spring AI or a company gateway. The whole integration is one lambda: give
 * the client the messages XCT rendered, return the text it got back. XCT decodes, validates and
 * executes; the client never runs anything.
 *
 * <pre>
 * XCT_API_KEY=... XCT_MODEL=gpt-4o-mini \
 *   mvn -q -pl xct-examples -am compile exec:java -Ddemo.mainClass=dev.xct.examples.ExistingClientExample
 * </pre>
 */
public final class ExistingClientExample {
  private ExistingClientExample() {}

  /** Runs a read-only cluster question against the model named by the environment. */
  public static void main(String[] args) {
    String key = System.getenv("XCT_API_KEY");
    String modelName = System.getenv("XCT_MODEL");
    if (key == null || modelName == null) {
      System.err.println("set XCT_API_KEY and XCT_MODEL (and XCT_MODEL_URL for other servers)");
      System.exit(64);
    }
    String baseUrl = System.getenv().getOrDefault("XCT_MODEL_URL", "https://api.openai.com/v1");
    ChatCompletions existing = new ChatCompletions(baseUrl, key, modelName);

    // The one line of integration: XCT's rendered context in, the model's raw text out.
    ModelClient model = request -> ModelReply.of(existing.complete(request.messages()));

    InMemoryCluster cluster = new InMemoryCluster();
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.builder().addAll(K8sTools.over(cluster)).build())
            .validator(
                Validators.policy(
                    Policy.builder()
                        .allow("k8s.cluster.status")
                        .allow("k8s.deployments.list")
                        .build()))
            .listener(new TranscriptPrinter(System.out))
            .build();
    RunResult run = loop.run("Is the cluster healthy? Say what is deployed.");
    System.exit(run.isDone() ? 0 : 1);
  }

  /** Stands for the client you already have: one call, messages in, text out. Thread-safe. */
  static final class ChatCompletions {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String key;
    private final String model;

    ChatCompletions(String baseUrl, String key, String model) {
      this.baseUrl = baseUrl;
      this.key = key;
      this.model = model;
    }

    String complete(List<ChatMessage> messages) {
      List<Map<String, String>> wire =
          messages.stream()
              .map(
                  m ->
                      Map.of(
                          "role", m.role().name().toLowerCase(Locale.ROOT), "content", m.content()))
              .toList();
      String body = JSON.writeValueAsString(Map.of("model", model, "messages", wire));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
              .timeout(Duration.ofSeconds(120))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          // Thrown, not returned: the loop ends the run with MODEL_FAILED and never retries.
          throw new IllegalStateException("model server answered " + response.statusCode());
        }
        JsonNode reply = JSON.readTree(response.body());
        return reply.at("/choices/0/message/content").asString("");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the model", e);
      }
    }
  }
}
