package dev.xct.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.CancellationToken;
import dev.xct.core.EndpointFailure;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelFailure;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Journal;
import dev.xct.core.tool.ToolRegistry;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Why the model client failed reaches the caller: on the result, the event and the journal. */
class ExecutionLoopModelFailureTest {
  @TempDir Path dir;

  private final List<RunEvent> seen = new CopyOnWriteArrayList<>();

  /** What an HTTP client of one's own might throw for a 429. */
  static final class RateLimited extends RuntimeException implements EndpointFailure {
    private static final long serialVersionUID = 1L;

    RateLimited(String message) {
      super(message);
    }

    @Override
    public OptionalInt status() {
      return OptionalInt.of(429);
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.of(Duration.ofSeconds(20));
    }
  }

  private ExecutionLoop.Builder loop(ModelClient model) {
    return ExecutionLoop.builder(model, ToolRegistry.empty()).listener(seen::add);
  }

  private RunEvent.RunEnded ended() {
    return (RunEvent.RunEnded) seen.get(seen.size() - 1);
  }

  @ParameterizedTest(name = "inline: {0}")
  @ValueSource(booleans = {false, true})
  void aRateLimitReachesTheResultWithItsStatusRetryAfterAndTheExceptionItself(boolean inline) {
    RuntimeException thrown = new IllegalStateException("chat failed", new RateLimited("429"));
    ExecutionLoop.Builder builder =
        loop(
            request -> {
              throw thrown;
            });
    if (inline) {
      builder.inlineTools();
    }

    RunResult run = builder.build().run("t");

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    ModelFailure failure = run.failure().orElseThrow();
    assertThat(failure.type()).isEqualTo("java.lang.IllegalStateException");
    assertThat(failure.message()).isEqualTo("chat failed");
    assertThat(failure.status()).hasValue(429);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(failure.cause()).containsSame(thrown);
    assertThat(ended().failure()).contains(failure.withoutCause());
  }

  @Test
  void aClientThatThrowsSomethingPlainStillReportsItsTypeAndMessage() {
    RunResult run =
        loop(request -> {
              throw new UnsupportedOperationException();
            })
            .build()
            .run("t");

    ModelFailure failure = run.failure().orElseThrow();
    assertThat(failure.type()).isEqualTo("java.lang.UnsupportedOperationException");
    assertThat(failure.message()).isEmpty();
    assertThat(failure.status()).isEmpty();
    assertThat(failure.retryAfter()).isEmpty();
  }

  @ParameterizedTest(name = "inline: {0}")
  @ValueSource(booleans = {false, true})
  void anExceptionWhoseMessageCannotBeReadStillEndsTheRunModelFailed(boolean inline) {
    RuntimeException unreadable =
        new RuntimeException() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            throw new IllegalStateException("no message for you");
          }
        };
    ExecutionLoop.Builder builder =
        loop(
            request -> {
              throw unreadable;
            });
    if (inline) {
      builder.inlineTools();
    }

    RunResult run = builder.build().run("t");

    assertThat(run.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(run.failure().orElseThrow().cause()).containsSame(unreadable);
    assertThat(run.message()).isEqualTo("model client failed: " + unreadable.getClass().getName());
  }

  @Test
  void aModelReturningNullIsAFailureOfItsOwn() {
    RunResult run = loop(request -> null).build().run("t");

    assertThat(run.failure().orElseThrow().message()).isEqualTo("model client returned null");
  }

  @Test
  void theRecordedFailureIsRedactedAndTheLiveOneIsAsThrown() {
    String secret = "an endpoint echoing \"api_key\": \"sk-live-0123\" back";
    StringWriter lines = new StringWriter();
    Journal journal = Journal.inMemory();
    RunResult run =
        loop(request -> {
              throw new RateLimited(secret);
            })
            .listener(JsonLinesEventWriter.to(lines))
            .journal(journal)
            .build()
            .run("t");
    List<RunEvent> journaled = journal.read(run.runId());

    assertThat(run.failure().orElseThrow().message()).isEqualTo(secret);
    RunEvent.RunEnded recorded = (RunEvent.RunEnded) journaled.get(journaled.size() - 1);
    assertThat(recorded.failure().orElseThrow().message())
        .contains("[REDACTED]")
        .doesNotContain("sk-live-0123");
    assertThat(recorded.failure().orElseThrow().status()).hasValue(429);
    assertThat(ended()).isEqualTo(recorded);
    assertThat(lines.toString())
        .contains("\"failure\":{\"type\":\"" + RateLimited.class.getName() + "\"")
        .contains("\"status\":429,\"retry_after_us\":20000000}")
        .doesNotContain("sk-live-0123");
  }

  @Test
  void aResumedRunReportsTheJournaledFailureWithoutItsCause() {
    try (FileJournal journal = FileJournal.open(dir)) {
      RunResult live =
          loop(request -> {
                throw new RateLimited("slow down");
              })
              .journal(journal)
              .build()
              .run("t");

      RunResult resumed =
          loop(ResumeFixtures.silent()).journal(journal).build().resume(live.runId());

      assertThat(resumed.status()).isEqualTo(RunStatus.MODEL_FAILED);
      assertThat(resumed.failure()).contains(live.failure().orElseThrow().withoutCause());
    }
  }

  @Test
  void aFailureWithAHugeMessageIsRecordedBoundedAndResumesAsRecorded() throws Exception {
    // An endpoint that answers with a whole error page, as the exception's message.
    String page = "<html>" + "\uD83D\uDE00".repeat(1_000_000) + "</html>";
    try (FileJournal journal = FileJournal.open(dir)) {
      RunResult live =
          loop(request -> {
                throw new RateLimited(page);
              })
              .journal(journal)
              .build()
              .run("t");
      RunResult resumed =
          loop(ResumeFixtures.silent()).journal(journal).build().resume(live.runId());

      ModelFailure failure = live.failure().orElseThrow();
      assertThat(failure.message())
          .startsWith("<html>")
          .endsWith("… (" + page.length() + " characters in all)")
          .hasSizeLessThan(ModelFailure.MAX_MESSAGE_CHARS + 40);
      // Cut between whole characters: the kept text is the page's first characters.
      assertThat(page).startsWith(failure.message().substring(0, failure.message().indexOf('…')));
      assertThat(live.message()).hasSizeLessThan(ModelFailure.MAX_MESSAGE_CHARS + 80);
      assertThat(resumed.failure()).contains(failure.withoutCause());
      long journalBytes;
      try (var files = java.nio.file.Files.walk(dir)) {
        journalBytes =
            files
                .filter(java.nio.file.Files::isRegularFile)
                .mapToLong(f -> f.toFile().length())
                .sum();
      }
      assertThat(journalBytes).isLessThan(64 * 1024);
    }
  }

  @Test
  void aRunThatEndsAnyOtherWayHasNoFailure() {
    CancellationToken token = CancellationToken.create();
    RunResult cancelled =
        loop(request -> {
              token.cancel();
              throw new RateLimited("gave up as the run was cancelled");
            })
            .inlineTools()
            .build()
            .run("t", token);
    RunResult done =
        loop(request -> dev.xct.core.ModelReply.of(Fixtures.done("ok"))).build().run("t");

    assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(cancelled.failure()).isEmpty();
    assertThat(done.failure()).isEmpty();
    assertThat(ended().failure()).isEmpty();
  }
}
