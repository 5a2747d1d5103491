package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.LoopbackServer.Reply;
import dev.xct.model.support.testing.SafeFileCreation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Secrets never reach the logs, even with everything logged at TRACE. */
class OpenAiModelClientLoggingTest {
  private static final String KEY = "sk-proj-LoggingTestSecret9f8e7d6c5b4a";
  private static final String HEADER_SECRET = "gateway-token-5e4d3c2b1a";

  private final LoopbackServer server = LoopbackServer.start();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.xct.model");
  private Level previous;

  @BeforeEach
  void capture() {
    previous = logger.getLevel();
    logger.setLevel(Level.TRACE);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    server.close();
  }

  @Test
  void apiKeyAndHeadersAreNeverLoggedWhateverHappens() {
    server.enqueueFixtures("openai/strict-proposal.json");
    server.enqueue(Reply.error(429, "openai/error-429.json", Map.of("Retry-After", "0")));
    server.enqueue(
        new Reply(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}",
            Map.of(),
            LoopbackServer.Behaviour.ANSWER));
    server.enqueue(Reply.error(400, "openai/error-400-response-format.json", Map.of()));
    server.enqueue(Reply.drop(), Reply.drop());
    OpenAiModelClient client =
        OpenAiModelClient.builder()
            .baseUrl(server.baseUrl())
            .model("gpt-4o-mini")
            .apiKey(KEY)
            .header("X-Gateway-Token", HEADER_SECRET)
            .retry(new RetryPolicy(1, Duration.ofMillis(1), Duration.ofSeconds(1)))
            .build();

    client.next(SafeFileCreation.request());
    Throwable unauthorized = catchThrowable(() -> client.next(SafeFileCreation.request()));
    Throwable dropped = catchThrowable(() -> client.next(SafeFileCreation.request()));

    // proposal; 429 then 401 after one retry; 400 (step down), then a drop retried once.
    assertThat(server.requests()).hasSize(6);
    assertThat(server.requests().get(0).header("X-Gateway-Token")).isEqualTo(HEADER_SECRET);
    assertThat(appender.list)
        .as("bodies are logged at TRACE, so the check below has something to look at")
        .anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("request body: {"))
        .anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
    for (ILoggingEvent event : appender.list) {
      assertThat(render(event)).doesNotContain(KEY, HEADER_SECRET, "Bearer");
    }
    assertThat(unauthorized).hasMessageNotContaining(KEY);
    assertThat(dropped).isInstanceOf(ModelTransportException.class);
    assertThat(dropped.getMessage()).doesNotContain(KEY, HEADER_SECRET);
  }

  private static String render(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    for (IThrowableProxy cause = event.getThrowableProxy();
        cause != null;
        cause = cause.getCause()) {
      text.append('\n').append(cause.getMessage());
    }
    return text.toString();
  }
}
