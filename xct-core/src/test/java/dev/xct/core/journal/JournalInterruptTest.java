package dev.xct.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.event.RunEvent;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A caller's interrupt never closes the journal every other run writes to: an interrupted thread
 * appends like any other, and a run cancelled with {@code Future.cancel(true)} leaves the journal
 * open and its chain intact.
 */
class JournalInterruptTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Durability.class)
  void anInterruptedAppenderLeavesTheJournalOpenForEveryone(Durability durability)
      throws Exception {
    List<RunEvent> a = JournalEvents.run("run-a", 2);
    List<RunEvent> b = JournalEvents.run("run-b", 2);
    try (FileJournal journal =
        FileJournal.open(dir, JournalOptions.builder().durability(durability).build())) {
      Thread interrupted =
          new Thread(
              () -> {
                Thread.currentThread().interrupt();
                a.forEach(journal::append);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
              });
      interrupted.start();
      interrupted.join();
      b.forEach(journal::append);
      assertThat(journal.read("run-a")).isEqualTo(a);
      assertThat(journal.read("run-b")).isEqualTo(b);
      assertThat(journal.verify().intact()).isTrue();
    }
  }

  @Test
  void aRunCancelledWithInterruptionLeavesTheJournalToTheOtherRuns() throws Exception {
    CountDownLatch toolStarted = new CountDownLatch(1);
    Tool blocking =
        new Tool() {
          @Override
          public ToolSpec spec() {
            return ToolSpec.builder("t.wait").description("waits").build();
          }

          @Override
          public Result execute(ToolCall call, ToolContext context) {
            toolStarted.countDown();
            try {
              Thread.sleep(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return Result.failure("INTERRUPTED", "interrupted");
            }
            return Result.success(JsonValue.emptyObject());
          }
        };
    String wait = "{\"next_step\":{\"tool\":\"t.wait\",\"arguments\":{},\"goal\":\"wait\"}}";
    String done = "{\"done\":true,\"message\":\"ok\"}";
    ExecutorService runs = Executors.newFixedThreadPool(2);
    try (FileJournal journal = FileJournal.open(dir)) {
      ExecutionLoop loop =
          ExecutionLoop.builder(
                  request -> ModelReply.of(request.task().equals("wait") ? wait : done),
                  ToolRegistry.of(blocking))
              .journal(journal)
              .build();
      Future<RunResult> cancelled = runs.submit(() -> loop.run("wait"));
      assertThat(toolStarted.await(30, TimeUnit.SECONDS)).isTrue();
      cancelled.cancel(true);

      RunResult other = runs.submit(() -> loop.run("finish")).get(30, TimeUnit.SECONDS);

      assertThat(other.status()).isEqualTo(RunStatus.DONE);
      assertThat(journal.read(other.runId())).last().isInstanceOf(RunEvent.RunEnded.class);
      assertThat(journal.verify().intact()).isTrue();
    } finally {
      runs.shutdownNow();
    }
  }
}
