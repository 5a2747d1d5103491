package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Durability;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.JournalOptions;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply refused as too large is kept as a bounded prefix with its length and hash: the journal,
 * the events and the model's next requests do not grow with what a hostile model sends.
 */
class OversizedReplyTest {
  private static final int HUGE = 10 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void threeTenMegabyteRepliesLeaveAJournalOfKilobytesWithTheirLengthAndHash() throws Exception {
    String huge = "{\"done\":true,\"message\":\"" + "\uD83D\uDE00".repeat(HUGE / 2) + "\"}";
    ResumeFixtures.ByStep model = new ResumeFixtures.ByStep(huge, huge, huge, done("ok"));
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    RunResult run;
    try (FileJournal journal =
        FileJournal.open(dir, JournalOptions.builder().durability(Durability.NONE).build())) {
      run =
          ExecutionLoop.builder(model, ToolRegistry.of())
              .journal(journal)
              .listener(seen::add)
              .build()
              .run("task");
      assertThat(journal.read(run.runId())).isEqualTo(Fixtures.facts(seen));
    }

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    for (Step step : run.steps().subList(0, 3)) {
      Result.Failure failure = (Result.Failure) step.result().orElseThrow();
      assertThat(failure.code()).isEqualTo(ErrorCodes.REPLY_TOO_LARGE);
      assertThat(failure.details().get("length").orElseThrow().toJson())
          .isEqualTo(String.valueOf(huge.length()));
      assertThat(failure.details().get("sha256").flatMap(v -> v.asString())).contains(sha256(huge));
      assertThat(huge).startsWith(step.rawReply());
      assertThat(step.rawReply().length()).isBetween(4000, 4096);
      assertThat(failure.details().get("recorded_chars").orElseThrow().toJson())
          .isEqualTo(String.valueOf(step.rawReply().length()));
    }
    assertThat(journalBytes()).isLessThan(64 * 1024);
    assertThat(model.requests.get(3).messages().toString().length()).isLessThan(64 * 1024);
  }

  private long journalBytes() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
