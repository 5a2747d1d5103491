package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.internal.event.EventParser;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone surrogate (half a UTF-16 pair) in a reply or in arguments is hostile text a Java string
 * can hold but UTF-8 cannot: the journal and the event file must keep it exactly and lose nothing
 * after.
 */
class LoneSurrogateJournalTest {
  @TempDir Path dir;

  /** Reads a file whose name ends in a lone high surrogate, as a buggy or hostile tool might. */
  private static final Tool ECHO =
      new Tool() {
        @Override
        public ToolSpec spec() {
          return ToolSpec.builder("t.echo").build();
        }

        @Override
        public Result execute(ToolCall call, ToolContext context) {
          return Result.success(Map.of("name", "report\uD83D.txt"));
        }
      };

  @Test
  void loneSurrogatesAreJournaledExactlyAndNoLaterEventIsLost() throws Exception {
    List<RunEvent> seen = new CopyOnWriteArrayList<>();
    Path events = dir.resolve("events.jsonl");
    String[] replies = {
      "\uD800{\"done\":true}", // a raw lone high surrogate: not JSON
      propose("t.echo", "{\"n\":\"a\\udc00b\"}"), // an escaped lone low one: refused too
      propose("t.echo", "{\"emoji\":\"\uD83D\uDE00\"}"), // a well-formed pair
      done("ok")
    };
    RunResult run;
    try (FileJournal journal = FileJournal.open(dir.resolve("journal"));
        JsonLinesEventWriter writer = JsonLinesEventWriter.append(events)) {
      run =
          ExecutionLoop.builder(new ResumeFixtures.ByStep(replies), ToolRegistry.of(ECHO))
              .journal(journal)
              .listener(seen::add)
              .listener(writer)
              .build()
              .run("task \uDFFF");

      assertThat(journal.read(run.runId())).isEqualTo(Fixtures.facts(seen));
      assertThat(journal.verify().intact()).isTrue();
    }

    assertThat(run.status()).isEqualTo(RunStatus.DONE);
    List<String> outcomes =
        run.steps().subList(0, 3).stream()
            .map(step -> step.result().orElseThrow())
            .map(
                r ->
                    r instanceof Result.Failure f
                        ? f.code()
                        : ((Result.Success) r)
                            .result()
                            .get("name")
                            .flatMap(n -> n.asString())
                            .get())
            .toList();
    assertThat(outcomes.get(0)).isEqualTo(ErrorCodes.INVALID_JSON);
    assertThat(outcomes.get(1)).isEqualTo(ErrorCodes.INVALID_JSON);
    assertThat(outcomes.get(2)).isEqualTo("report\uD83D.txt");
    assertThat(seen)
        .filteredOn(RunEvent.ModelReplied.class::isInstance)
        .first()
        .satisfies(
            e -> assertThat(((RunEvent.ModelReplied) e).reply().text()).isEqualTo(replies[0]));
    List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
    assertThat(lines).hasSameSizeAs(seen);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(EventParser.parse(lines.get(i))).isEqualTo(seen.get(i));
    }
    strictUtf8(Files.readAllBytes(events));
  }

  private static void strictUtf8(byte[] bytes) throws CharacterCodingException {
    StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes));
  }
}
