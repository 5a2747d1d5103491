package dev.xct.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.model.support.testing.LoopbackServer;
import dev.xct.model.support.testing.LoopbackServer.Reply;
import dev.xct.model.support.testing.SafeFileCreation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, item 7, end to end: a run cancelled or out of time while the endpoint is still
 * answering ends at once with the right status, the HTTP exchange is aborted, and the journal says
 * so. With the loop's worker threads (the loop stops waiting) and inline (the client stops).
 */
class OpenAiLoopCancellationTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final LoopbackServer server = LoopbackServer.start();
  private final Journal journal = Journal.inMemory();

  @AfterEach
  void stop() {
    server.close();
  }

  private ExecutionLoop loop(boolean inline, Budgets budgets) {
    OpenAiModelClient model =
        OpenAiModelClient.builder()
            .baseUrl(server.baseUrl())
            .model("gpt-4o-mini")
            .noApiKey()
            .readTimeout(READ_TIMEOUT)
            .build();
    ExecutionLoop.Builder builder =
        ExecutionLoop.builder(
                model, ToolRegistry.of(SafeFileCreation.fsWrite(Path.of("unused-workspace"))))
            .journal(journal)
            .budgets(budgets);
    if (inline) {
      builder.inlineTools();
    }
    return builder.build();
  }

  private void assertEndedWithoutAReply(RunResult run, RunStatus status) {
    List<RunEvent> events = journal.read(run.runId());
    assertThat(events).noneMatch(RunEvent.ModelReplied.class::isInstance);
    assertThat(events)
        .last()
        .isInstanceOfSatisfying(
            RunEvent.RunEnded.class, e -> assertThat(e.status()).isEqualTo(status));
    assertThat(run.steps()).isEmpty();
  }

  @ParameterizedTest(name = "inline: {0}")
  @ValueSource(booleans = {false, true})
  void cancellingARunWhileTheEndpointAnswersEndsItCancelledAndAbortsTheRequest(boolean inline) {
    server.enqueue(Reply.trickle());
    CancellationToken token = CancellationToken.create();
    Thread canceller =
        new Thread(
            () -> {
              server.awaitRequests(1);
              token.cancel();
            });
    canceller.setDaemon(true);
    canceller.start();
    long started = System.nanoTime();

    RunResult run = loop(inline, Budgets.defaults()).run(SafeFileCreation.TASK, token);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READ_TIMEOUT.dividedBy(3));
    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.code()).contains(ErrorCodes.CANCELLED);
    assertThat(server.awaitHangUp(10)).as("the server saw the client hang up").isTrue();
    assertEndedWithoutAReply(run, RunStatus.CANCELLED);
  }

  @ParameterizedTest(name = "inline: {0}")
  @ValueSource(booleans = {false, true})
  void runOutOfTimeWhileTheEndpointAnswersEndsLimitReachedAndAbortsTheRequest(boolean inline) {
    server.enqueue(Reply.trickle());
    long started = System.nanoTime();

    RunResult run =
        loop(inline, Budgets.builder().maxDuration(Duration.ofMillis(500)).build())
            .run(SafeFileCreation.TASK);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READ_TIMEOUT.dividedBy(3));
    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.DEADLINE_EXCEEDED);
    assertThat(server.awaitHangUp(10)).as("the server saw the client hang up").isTrue();
    assertEndedWithoutAReply(run, RunStatus.LIMIT_REACHED);
  }
}
