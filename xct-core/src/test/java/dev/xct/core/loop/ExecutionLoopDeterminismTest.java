package dev.xct.core.loop;

import static dev.xct.core.loop.Fixtures.done;
import static dev.xct.core.loop.Fixtures.propose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xct.core.RunResult;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.tool.ToolRegistry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class ExecutionLoopDeterminismTest {
  @TempDir Path first;
  @TempDir Path second;

  private static String[] replies() {
    return new String[] {
      "not json",
      propose("fs.nope", "{}"),
      propose("files.write", "{\"name\":\"a.txt\",\"content\":\"hello\"}"),
      propose("files.write", "{\"name\":\"a.txt\",\"content\":\"again\"}"),
      done("wrote a.txt")
    };
  }

  private static String runAndRecord(Path workspace, List<RunEvent> events) throws Exception {
    StringWriter out = new StringWriter();
    AtomicInteger ids = new AtomicInteger();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                new Fixtures.Script(replies()), ToolRegistry.of(new Fixtures.WriteFile(workspace)))
            .clock(
                new Fixtures.TickingClock(
                    Instant.parse("2026-11-25T00:00:00Z"), Duration.ofMillis(3)))
            .runIds(() -> "run-" + ids.incrementAndGet())
            .listener(events::add)
            .listener(JsonLinesEventWriter.to(out))
            .inlineTools()
            .build();
    RunResult result = loop.run("make a.txt");
    assertThat(result.isDone()).isTrue();
    return out.toString();
  }

  @Test
  void sameRepliesAndToolResultsGiveIdenticalTranscriptsAndEventStreams() throws Exception {
    List<RunEvent> a = new ArrayList<>();
    List<RunEvent> b = new ArrayList<>();
    String linesA = runAndRecord(first, a);
    String linesB = runAndRecord(second, b);

    assertThat(linesA).isEqualTo(linesB);
    assertThat(a).isEqualTo(b);
    assertThat(Files.readString(first.resolve("a.txt"))).isEqualTo("hello");
  }

  @Test
  void eventsFollowTheDocumentedOrder() throws Exception {
    List<RunEvent> events = new ArrayList<>();
    runAndRecord(first, events);

    List<String> kinds = events.stream().map(e -> e.getClass().getSimpleName()).toList();
    assertThat(kinds)
        .containsExactly(
            "RunStarted",
            "ModelReplied",
            "StepCompleted", // not json
            "ModelReplied",
            "VerdictIssued",
            "StepCompleted", // unknown tool
            "ModelReplied",
            "VerdictIssued",
            "VerdictIssued",
            "ToolStarting",
            "ToolFinished",
            "StepCompleted",
            "ModelReplied",
            "VerdictIssued",
            "VerdictIssued",
            "ToolStarting",
            "ToolFinished",
            "StepCompleted",
            "ModelReplied",
            "StepCompleted",
            "RunEnded");
    assertThat(events).allSatisfy(e -> assertThat(e.runId()).isEqualTo("run-1"));
  }

  @Test
  void jsonLinesHoldOneObjectPerEventWithTypeRunIdAndStep() throws Exception {
    String lines = runAndRecord(first, new ArrayList<>());
    List<String> split = lines.lines().toList();
    assertThat(split).hasSize(21);
    assertThat(split.get(0))
        .startsWith("{\"type\":\"run_started\",\"run_id\":\"run-1\",\"step\":0");
    assertThat(split)
        .filteredOn(l -> l.contains("\"type\":\"tool_starting\""))
        .first()
        .asString()
        .contains("\"tool\":\"files.write\"", "\"arguments\":{")
        .doesNotContain("\"verdicts\"");
    assertThat(split)
        .filteredOn(l -> l.contains("\"type\":\"verdict\""))
        .anySatisfy(l -> assertThat(l).contains("\"verdict\":\"allow\""));
    assertThat(split.get(split.size() - 1))
        .contains("\"type\":\"run_ended\"", "\"status\":\"DONE\"");
  }

  @Test
  void runAndStepIdsAreInTheMdcWhileValidatorsAndToolsRun() {
    List<String> seen = new ArrayList<>();
    ExecutionLoop loop =
        ExecutionLoop.builder(
                new Fixtures.Script(
                    propose("files.write", "{\"name\":\"m.txt\",\"content\":\"x\"}"), done("ok")),
                ToolRegistry.of(new Fixtures.WriteFile(first)))
            .runIds(() -> "mdc-run")
            .validator(
                "mdc-probe",
                (p, c) -> {
                  seen.add(MDC.get("xct.run_id") + "/" + MDC.get("xct.step"));
                  return dev.xct.core.validate.Verdict.allow();
                })
            .build();
    MDC.put("caller", "kept");

    loop.run("t");

    assertThat(seen).containsExactly("mdc-run/1");
    assertThat(MDC.get("caller")).isEqualTo("kept");
    assertThat(MDC.get("xct.run_id")).isNull();
    MDC.clear();
  }

  @Test
  void mapResultsAreWrittenWithSortedKeysSoTranscriptsDoNotDependOnTheJvmsHashSeed() {
    // Map.of iterates in an order salted per JVM run; the wire form must not inherit it.
    java.util.Map<String, Object> map = new java.util.HashMap<>();
    for (String key : java.util.List.of("zeta", "alpha", "mid", "beta", "omega", "k10", "k2")) {
      map.put(key, key.length());
    }
    assertThat(
            dev.xct.core.protocol.ProtocolCodec.strict()
                .encode(dev.xct.core.protocol.Result.success(java.util.Map.copyOf(map))))
        .isEqualTo(
            "{\"status\":\"success\",\"result\":{\"alpha\":5,\"beta\":4,\"k10\":3,"
                + "\"k2\":2,\"mid\":3,\"omega\":5,\"zeta\":4}}");
  }
}
