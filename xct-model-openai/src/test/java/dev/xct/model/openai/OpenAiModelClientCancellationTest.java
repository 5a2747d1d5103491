package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xct.core.CancellationToken;
import dev.xct.core.ModelRequest;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.LoopbackServer.Reply;
import dev.xct.model.support.testing.SafeFileCreation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7: the client honours its request's cancellation and deadline against a real HTTP
 * server on loopback, aborting the exchange instead of waiting for its own read timeout.
 */
class OpenAiModelClientCancellationTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiModelClientBuilder client() {
    return OpenAiModelClient.builder()
        .baseUrl(server.baseUrl())
        .model("gpt-4o-mini")
        .noApiKey()
        .readTimeout(READ_TIMEOUT);
  }

  private static ModelRequest request(Instant deadline, CancellationToken token) {
    return SafeFileCreation.request(deadline, token);
  }

  private void cancelWhenRequested(CancellationToken token) {
    Thread canceller =
        new Thread(
            () -> {
              server.awaitRequests(1);
              token.cancel();
            });
    canceller.setDaemon(true);
    canceller.start();
  }

  private static ModelTransportException failure(OpenAiModelClient client, ModelRequest request) {
    return catchThrowableOfType(ModelTransportException.class, () -> client.next(request));
  }

  @Test
  void cancellingTheRequestAbortsTheHttpExchangeInsteadOfWaitingForTheReadTimeout() {
    server.enqueue(Reply.trickle());
    CancellationToken token = CancellationToken.create();
    cancelWhenRequested(token);
    long started = System.nanoTime();

    ModelTransportException e = failure(client().build(), request(Instant.MAX, token));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READ_TIMEOUT.dividedBy(3));
    assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("cancelled");
    assertThat(server.awaitHangUp(10)).as("the server saw the client hang up").isTrue();
  }

  @Test
  void theRunsDeadlineEndsTheWaitWhenItComesBeforeTheReadTimeout() {
    server.enqueue(Reply.trickle());
    long started = System.nanoTime();

    ModelTransportException e =
        failure(
            client().build(), request(Instant.now().plusMillis(300), CancellationToken.create()));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250))
        .isLessThan(READ_TIMEOUT.dividedBy(3));
    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.getMessage()).contains("the run's time was up");
    assertThat(server.awaitHangUp(10)).as("the server saw the client hang up").isTrue();
  }

  @Test
  void aRequestCancelledOrOutOfTimeBeforehandIsNeverSent() {
    CancellationToken cancelled = CancellationToken.create();
    cancelled.cancel();

    assertThat(failure(client().build(), request(Instant.MAX, cancelled)).kind())
        .isEqualTo(Kind.CANCELLED);
    assertThat(
            failure(
                    client().build(),
                    request(Instant.now().minusSeconds(1), CancellationToken.create()))
                .kind())
        .isEqualTo(Kind.TIMEOUT);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void cancellingDuringTheWaitForARetryEndsItAtOnceWithoutSendingAgain() {
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "20")));
    CancellationToken token = CancellationToken.create();
    cancelWhenRequested(token);
    long started = System.nanoTime();

    ModelTransportException e =
        failure(
            client()
                .retry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofSeconds(30)))
                .build(),
            request(Instant.MAX, token));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aRetryThatWouldWaitPastTheDeadlineIsNotWaitedFor() {
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "5")));
    long started = System.nanoTime();

    ModelTransportException e =
        failure(
            client()
                .retry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofSeconds(30)))
                .build(),
            request(Instant.now().plusSeconds(2), CancellationToken.create()));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(e.status()).hasValue(429);
    assertThat(server.requests()).hasSize(1);
  }
}
