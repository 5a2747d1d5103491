package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Durability;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.Journal;
import dev.xct.core.journal.JournalOptions;
import dev.xct.core.journal.ResumePolicy;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads and resumes journals written by earlier code (see the {@code README.md} beside each under
 * {@code resources/dev/xct/core/journal/}): format 1, and format 2 before {@code run_ended} carried
 * a model failure. Every run resumes to what the code that wrote it returned.
 */
class JournalFormatCompatibilityTest {
  static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");
  private static final String V1 = "/dev/xct/core/journal/v1/";
  private static final String V2 = "/dev/xct/core/journal/v2/";

  @TempDir Path dir;

  static ExecutionLoop.Builder loop(
      dev.xct.core.ModelClient model, Journal journal, String runId, ResumePolicy policy) {
    return ExecutionLoop.builder(
            model,
            ToolRegistry.of(
                new ResumeFixtures.Counting("t.bump", false, null),
                new ResumeFixtures.Counting("t.idem", true, null),
                new ResumeFixtures.Counting("t.denied", false, null)))
        .journal(journal)
        .runIds(() -> runId)
        .resumePolicy(policy)
        .clock(new Fixtures.TickingClock(T0, Duration.ofMillis(7)))
        .budgets(Budgets.builder().toolQuota("t.bump", 3).build())
        .validator(
            "no-denied",
            (p, c) ->
                p.tool().equals("t.denied")
                    ? Verdict.deny("DENIED_HERE", "t.denied is denied", Map.of("why", "test"))
                    : Verdict.allow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run-a", "run-b", "run-c", "run-d", "run-e", "run-f", "run-g"})
  void aFormatOneJournalResumesToWhatItsOwnCodeReturned(String run) throws IOException {
    assertResumesAsWritten(V1, run);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run-a", "run-m"})
  void aFormatTwoJournalWrittenBeforeModelFailuresResumesToWhatItsOwnCodeReturned(String run)
      throws IOException {
    RunResult result = assertResumesAsWritten(V2, run);

    assertThat(result.failure()).isEmpty();
  }

  /** Resumes {@code run} of the journal in {@code version}; returns the result it matched. */
  private RunResult assertResumesAsWritten(String version, String run) throws IOException {
    String segment = "journal-00000000000000000001.jsonl";
    try (InputStream in = getClass().getResourceAsStream(version + segment)) {
      Files.copy(in, dir.resolve(segment));
    }
    JsonValue expected;
    try (InputStream in = getClass().getResourceAsStream(version + "expected.json")) {
      expected =
          JsonValue.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    JournalOptions options = JournalOptions.builder().durability(Durability.NONE).build();
    try (FileJournal journal = FileJournal.open(dir, options)) {
      assertThat(journal.verify().intact()).isTrue();
      List<RunEvent> events = journal.read(run);
      boolean ended = events.get(events.size() - 1) instanceof RunEvent.RunEnded;
      RunResult result =
          loop(
                  request -> dev.xct.core.ModelReply.of(done("resumed")),
                  journal,
                  run,
                  run.equals("run-e") ? ResumePolicy.RERUN_IDEMPOTENT : ResumePolicy.REPORT_UNKNOWN)
              .build()
              .resume(run);

      assertThat(JsonValue.from(summary(result, ended)).toJson())
          .isEqualTo(expected.get(run).orElseThrow().toJson());
      return result;
    }
  }

  static String verdict(Verdict verdict) {
    if (verdict instanceof Verdict.Deny deny) {
      return "deny " + deny.code() + " " + deny.reason() + " " + deny.details().toJson();
    }
    if (verdict instanceof Verdict.Stop stop) {
      return "stop " + stop.code() + " " + stop.reason();
    }
    if (verdict instanceof Verdict.Approved approved) {
      return "approved " + approved.action().hex() + " " + approved.approver();
    }
    return "allow";
  }

  static Map<String, Object> summary(RunResult result, boolean timings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", result.status().name());
    out.put("code", result.code().orElse(null));
    out.put("message", result.message());
    out.put("task", result.task());
    List<Object> steps = new ArrayList<>();
    for (Step step : result.steps()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("number", step.number());
      s.put("raw_reply", step.rawReply());
      s.put("decision", step.decision().map(d -> ProtocolCodec.strict().encode(d)).orElse(null));
      List<Object> verdicts = new ArrayList<>();
      for (VerdictRecord v : step.verdicts()) {
        verdicts.add(v.validator() + "=" + verdict(v.verdict()));
      }
      s.put("verdicts", verdicts);
      s.put("result", step.result().map(r -> ProtocolCodec.strict().encode(r)).orElse(null));
      s.put("executed", step.executed());
      if (timings) {
        s.put("started_at", step.startedAt().toString());
        s.put("model_latency", step.modelLatency().toString());
        s.put("tool_duration", step.toolDuration().toString());
      }
      s.put("usage", step.usage().promptTokens() + "/" + step.usage().completionTokens());
      steps.add(s);
    }
    out.put("steps", steps);
    if (timings) {
      out.put("started_at", result.startedAt().toString());
      out.put("ended_at", result.endedAt().toString());
    }
    return out;
  }
}
