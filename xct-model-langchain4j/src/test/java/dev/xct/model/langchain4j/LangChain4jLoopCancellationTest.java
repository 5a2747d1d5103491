package dev.xct.model.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 7, through LangChain4j: a blocking {@code ChatModel} call does not hold a run that
 * is cancelled or out of time. The loop stops waiting and interrupts the call's thread;
 * LangChain4j's JDK HTTP client then aborts the exchange.
 */
class LangChain4jLoopCancellationTest {
  private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(30);

  private final LoopbackServer server = LoopbackServer.start();
  private final Journal journal = Journal.inMemory();

  @AfterEach
  void stop() {
    server.close();
  }

  private ExecutionLoop loop(Budgets budgets) {
    OpenAiChatModel chatModel =
        OpenAiChatModel.builder()
            .baseUrl(server.baseUrl())
            .apiKey("sk-test")
            .modelName("gpt-4o-mini")
            .maxRetries(0)
            .timeout(MODEL_TIMEOUT)
            .build();
    return ExecutionLoop.builder(
            LangChain4jModelClient.of(chatModel),
            ToolRegistry.of(SafeFileCreation.fsWrite(Path.of("unused-workspace"))))
        .journal(journal)
        .budgets(budgets)
        .build();
  }

  private void assertEndedWithoutAReply(RunResult run, RunStatus status) {
    assertThat(journal.read(run.runId()))
        .noneMatch(RunEvent.ModelReplied.class::isInstance)
        .last()
        .isInstanceOfSatisfying(
            RunEvent.RunEnded.class, e -> assertThat(e.status()).isEqualTo(status));
  }

  @Test
  void cancellingARunWhileTheChatModelWaitsEndsItCancelledAtOnce() {
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

    RunResult run = loop(Budgets.defaults()).run(SafeFileCreation.TASK, token);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(MODEL_TIMEOUT.dividedBy(3));
    assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(run.code()).contains(ErrorCodes.CANCELLED);
    assertEndedWithoutAReply(run, RunStatus.CANCELLED);
    assertThat(server.awaitHangUp(10)).as("the server saw the client hang up").isTrue();
  }

  @Test
  void runOutOfTimeWhileTheChatModelWaitsEndsLimitReachedAtOnce() {
    server.enqueue(Reply.trickle());
    long started = System.nanoTime();

    RunResult run =
        loop(Budgets.builder().maxDuration(Duration.ofMillis(500)).build())
            .run(SafeFileCreation.TASK);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(MODEL_TIMEOUT.dividedBy(3));
    assertThat(run.status()).isEqualTo(RunStatus.LIMIT_REACHED);
    assertThat(run.code()).contains(ErrorCodes.DEADLINE_EXCEEDED);
    assertEndedWithoutAReply(run, RunStatus.LIMIT_REACHED);
    assertThat(server.awaitHangUp(10)).as("the server saw the client hang up").isTrue();
  }
}
