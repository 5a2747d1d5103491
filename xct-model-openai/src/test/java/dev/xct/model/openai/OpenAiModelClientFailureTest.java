package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xct.core.ModelReply;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.LoopbackServer.Reply;
import dev.xct.model.support.testing.SafeFileCreation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transport failures: typed, clear, never retried unless configured. */
class OpenAiModelClientFailureTest {
  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiModelClientBuilder client() {
    return OpenAiModelClient.builder()
        .baseUrl(server.baseUrl())
        .model("gpt-4o-mini")
        .apiKey("sk-test-0123456789abcdef1234");
  }

  private ModelTransportException failure(OpenAiModelClient client) {
    return catchThrowableOfType(
        ModelTransportException.class, () -> client.next(SafeFileCreation.request()));
  }

  @Test
  void rateLimitIsAFailureWithStatusAndRetryAfterAndIsNotRetried() {
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "20")));

    ModelTransportException e = failure(client().build());

    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
    assertThat(e.status()).hasValue(429);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage())
        .contains(
            "answered HTTP 429", "Rate limit reached", "(rate_limit_exceeded)", "retry after 20 s");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void retryAfterMayBeAnHttpDate() {
    server.enqueue(
        Reply.error(
            429, "openai/error-429.json", Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")));

    assertThat(failure(client().build()).retryAfter()).contains(Duration.ZERO);
  }

  @Test
  void serverErrorIsAFailureAndIsNotRetried() {
    server.enqueue(Reply.error(500, "openai/error-500.json", Map.of()));

    ModelTransportException e = failure(client().build());

    assertThat(e.status()).hasValue(500);
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage()).contains("The server had an error", "(server_error)");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void responseSlowerThanTheReadTimeoutIsATimeout() {
    server.enqueue(Reply.stall());
    long started = System.nanoTime();

    ModelTransportException e = failure(client().readTimeout(Duration.ofMillis(300)).build());

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.status()).isEmpty();
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void droppedConnectionIsAConnectionFailure() {
    server.enqueue(Reply.drop());

    ModelTransportException e = failure(client().build());

    assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
    assertThat(e.isTransient()).isTrue();
    assertThat(e.getMessage()).contains("connection to http://127.0.0.1:");
  }

  @Test
  void refusedConnectionIsAConnectionFailure() {
    String url = server.baseUrl();
    server.close();

    ModelTransportException e =
        failure(OpenAiModelClient.builder().baseUrl(url).model("m").noApiKey().build());

    assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
  }

  @Test
  void okStatusWithoutACompletionIsAnInvalidResponse() {
    server.enqueue(Reply.body("<html><body>Bad gateway</body></html>"));

    ModelTransportException e = failure(client().build());

    assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    assertThat(e.getMessage()).contains("not with a chat completion", "Bad gateway");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{}                          | {}",
        "{\"choices\":[]}            | {\"choices\":[]}",
        "{\"object\":\"list\",\\n  \"data\":[]} | {\"object\":\"list\", \"data\":[]}",
        "``                          | an empty body",
        "`  \\n `                    | an empty body",
        "[1,2]                       | [1,2]"
      })
  void okStatusWithoutACompletionSaysWhatCameInstead(String body, String shown) {
    server.enqueue(Reply.body(body.replace("\\n", "\n")));

    ModelTransportException e = failure(client().build());

    assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE);
    assertThat(e.getMessage()).endsWith("not with a chat completion: " + shown);
  }

  @Test
  void okStatusWithALongBodyShowsItsStartOnOneLineWithItsLength() {
    String body = "{\"data\":\"" + "x".repeat(5_000) + "\"}";
    server.enqueue(Reply.body(body));

    ModelTransportException e = failure(client().build());

    assertThat(e.getMessage())
        .contains("not with a chat completion: {\"data\":\"xxx")
        .endsWith("… (" + body.length() + " characters)")
        .hasSizeLessThan(400);
  }

  @Test
  void keyEchoedByTheEndpointIsRemovedFromTheMessage() {
    server.enqueue(
        new Reply(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-0123456789abcdef1234.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
            Map.of(),
            LoopbackServer.Behaviour.ANSWER));

    ModelTransportException e = failure(client().build());

    assertThat(e.status()).hasValue(401);
    assertThat(e.getMessage())
        .contains("Incorrect API key provided: ***.")
        .doesNotContain("0123456789abcdef");
  }

  @Test
  void otherServersErrorBodiesAreRead() {
    server.enqueue(Reply.error(400, "vllm/error-400.json", Map.of()));
    server.enqueue(Reply.error(404, "ollama/error-404.json", Map.of()));

    assertThat(failure(client().build()).getMessage())
        .contains("HTTP 400", "maximum context length is 32768 tokens", "(BadRequestError)");
    assertThat(failure(client().build()).getMessage())
        .contains("HTTP 404", "model \"llama9\" not found", "(api_error)");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void configuredRetriesHonourRetryAfterThenSucceed() {
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "0")));
    server.enqueue(Reply.error(503, "openai/error-500.json", Map.of()));
    server.enqueueFixtures("openai/proposal.json");
    OpenAiModelClient client =
        client().retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofSeconds(1))).build();

    ModelReply reply = client.next(SafeFileCreation.request());

    assertThat(ProtocolCodec.strict().decode(reply.text())).isInstanceOf(DecodeResult.Valid.class);
    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests().get(2).body()).isEqualTo(server.requests().get(0).body());
  }

  @Test
  void retriesStopAtTheLimitAndNeverCoverTimeoutsOrClientErrors() {
    server.enqueue(Reply.error(500, "openai/error-500.json", Map.of()));
    server.enqueue(Reply.error(500, "openai/error-500.json", Map.of()));
    RetryPolicy once = new RetryPolicy(1, Duration.ofMillis(1), Duration.ofSeconds(1));

    assertThat(failure(client().retry(once).build()).status()).hasValue(500);
    assertThat(server.requests()).hasSize(2);

    server.enqueue(Reply.error(400, "vllm/error-400.json", Map.of()));
    assertThat(failure(client().retry(once).build()).status()).hasValue(400);
    assertThat(server.requests()).hasSize(3);

    server.enqueue(Reply.stall());
    assertThat(failure(client().retry(once).readTimeout(Duration.ofMillis(200)).build()).kind())
        .isEqualTo(Kind.TIMEOUT);
    assertThat(server.awaitRequests(4)).hasSize(4);
  }

  @Test
  void retryAfterLongerThanTheMaximumDelayIsNotWaitedFor() {
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "60")));
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(1));

    assertThat(failure(client().retry(policy).build()).retryAfter())
        .contains(Duration.ofSeconds(60));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void rejectedResponseFormatStepsDownOnceEachAndTheStepIsRemembered() {
    server.enqueue(Reply.error(400, "openai/error-400-response-format.json", Map.of()));
    server.enqueue(Reply.error(400, "openai/error-400-response-format.json", Map.of()));
    server.enqueueFixtures("openai/proposal.json", "openai/done.json");
    OpenAiModelClient client = client().build();

    client.next(SafeFileCreation.request());
    client.next(SafeFileCreation.request());

    assertThat(server.requests())
        .extracting(r -> r.json().get("response_format"))
        .extracting(
            f ->
                f.get("type").stringValue()
                    + (f.has("json_schema") ? "/strict=" + f.get("json_schema").get("strict") : ""))
        .containsExactly(
            "json_schema/strict=true", "json_schema/strict=false", "json_object", "json_object");
  }

  @Test
  void withoutFallbackARejectedResponseFormatIsAFailure() {
    server.enqueue(Reply.error(400, "openai/error-400-response-format.json", Map.of()));

    ModelTransportException e = failure(client().schemaFallback(false).build());

    assertThat(e.status()).hasValue(400);
    assertThat(e.getMessage()).contains("'response_format' of type 'json_schema' is not supported");
    assertThat(server.requests()).hasSize(1);
  }
}
