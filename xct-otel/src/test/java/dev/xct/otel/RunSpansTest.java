package dev.xct.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.RunResult;
import dev.xct.core.TokenUsage;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.tool.ToolSpec;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunSpansTest {
  private static final String CALL = "{\"next_step\":{\"tool\":\"t.echo\",\"arguments\":{}}}";
  private static final String DONE = "{\"done\":true,\"message\":\"ok\"}";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final RunSpans spans = RunSpans.of(provider.get("test"));

  @AfterEach
  void close() {
    provider.close();
  }

  private static final AttributeKey<Long> INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  private static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  private static final AttributeKey<Long> CACHE_READ =
      AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");

  private static ModelClient byStep(String... replies) {
    return request -> ModelReply.of(replies[request.step() - 1]);
  }

  private static final Tool ECHO =
      new Tool() {
        @Override
        public ToolSpec spec() {
          return ToolSpec.builder("t.echo").build();
        }

        @Override
        public Result execute(ToolCall call, ToolContext context) {
          return Result.success("echo");
        }
      };

  @Test
  void aJournaledRunBecomesOneRunSpanWithOneChildSpanPerStep() {
    Journal journal = Journal.inMemory();
    RunResult run =
        ExecutionLoop.builder(byStep(CALL, "garbage", DONE), ToolRegistry.of(ECHO))
            .journal(journal)
            .build()
            .run("task");

    SpanContext context = spans.export(journal.read(run.runId()));

    List<SpanData> finished = exporter.getFinishedSpanItems();
    assertThat(finished).hasSize(4);
    SpanData root = finished.get(finished.size() - 1);
    assertThat(root.getName()).isEqualTo("xct.run");
    assertThat(root.getSpanContext()).isEqualTo(context);
    assertThat(root.getAttributes().get(RunSpans.RUN_ID)).isEqualTo(run.runId());
    assertThat(root.getAttributes().get(RunSpans.STATUS)).isEqualTo("DONE");
    assertThat(root.getStartEpochNanos()).isEqualTo(nanos(run.startedAt()));
    assertThat(root.getEndEpochNanos()).isEqualTo(nanos(run.endedAt()));
    List<SpanData> steps = finished.subList(0, 3);
    assertThat(steps)
        .allSatisfy(
            s -> {
              assertThat(s.getName()).isEqualTo("xct.step");
              assertThat(s.getParentSpanId()).isEqualTo(root.getSpanId());
              assertThat(s.getTraceId()).isEqualTo(root.getTraceId());
            });
    assertThat(steps)
        .extracting(s -> s.getAttributes().get(RunSpans.STEP))
        .containsExactly(1L, 2L, 3L);
    SpanData call = steps.get(0);
    assertThat(call.getAttributes().get(RunSpans.TOOL)).isEqualTo("t.echo");
    assertThat(call.getAttributes().get(RunSpans.EXECUTED)).isTrue();
    assertThat(call.getStartEpochNanos()).isEqualTo(nanos(run.steps().get(0).startedAt()));
    assertThat(call.getEvents())
        .extracting(e -> e.getName())
        .containsExactly("xct.verdict", "xct.verdict", "xct.intent", "xct.tool_finished");
    SpanData garbage = steps.get(1);
    assertThat(garbage.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(garbage.getAttributes().get(RunSpans.CODE)).isEqualTo("INVALID_JSON");
  }

  @Test
  void stepSpansCarryTheTokensTheProviderCountedCachedOnesOnlyWhenThereAreSome() {
    List<TokenUsage> usage = List.of(new TokenUsage(1_100, 40), new TokenUsage(1_300, 20, 1_024));
    ModelClient model =
        request -> new ModelReply(request.step() == 1 ? CALL : DONE, usage.get(request.step() - 1));
    Journal journal = Journal.inMemory();
    RunResult run =
        ExecutionLoop.builder(model, ToolRegistry.of(ECHO)).journal(journal).build().run("task");

    spans.export(journal.read(run.runId()));

    List<SpanData> steps =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("xct.step"))
            .toList();
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).getAttributes().get(INPUT_TOKENS)).isEqualTo(1_100L);
    assertThat(steps.get(0).getAttributes().get(CACHE_READ)).isNull();
    assertThat(steps.get(1).getAttributes().get(INPUT_TOKENS)).isEqualTo(1_300L);
    assertThat(steps.get(1).getAttributes().get(OUTPUT_TOKENS)).isEqualTo(20L);
    assertThat(steps.get(1).getAttributes().get(CACHE_READ)).isEqualTo(1_024L);
  }

  @Test
  void theListenerExportsEachRunWhenItEnds() {
    ExecutionLoop loop =
        ExecutionLoop.builder(byStep(CALL, DONE), ToolRegistry.of(ECHO))
            .listener(spans.listener())
            .build();

    loop.run("one");
    loop.run("two");

    assertThat(exporter.getFinishedSpanItems())
        .filteredOn(s -> s.getName().equals("xct.run"))
        .hasSize(2);
    assertThat(exporter.getFinishedSpanItems()).hasSize(6);
  }

  @Test
  void aResumedRunShowsItsResumptionAndOnlyCompletedSteps() {
    Journal journal = Journal.inMemory();
    Instant at = Instant.now();
    journal.append(new RunEvent.RunStarted("r", 0, at, "t"));
    journal.append(
        new RunEvent.ToolStarting(
            "r", 1, at.plusSeconds(1), new ToolCall("t.echo", JsonValue.emptyObject(), "")));
    ExecutionLoop.builder(byStep(CALL, DONE), ToolRegistry.of(ECHO))
        .journal(journal)
        .build()
        .resume("r");

    spans.export(journal.read("r"));

    assertThat(exporter.getFinishedSpanItems()).hasSize(3);
    SpanData root = exporter.getFinishedSpanItems().get(2);
    assertThat(root.getAttributes().get(RunSpans.STATUS)).isEqualTo("DONE");
    assertThat(root.getEvents()).extracting(e -> e.getName()).containsExactly("xct.resumed");
    SpanData unknown = exporter.getFinishedSpanItems().get(0);
    assertThat(unknown.getAttributes().get(RunSpans.CODE)).isEqualTo("OUTCOME_UNKNOWN");
  }

  @Test
  void aRunThatNeverEndedEndsAtItsLastEvent() {
    Instant at = Instant.parse("2025-01-01T00:00:00Z");
    spans.export(
        List.of(
            new RunEvent.RunStarted("r", 0, at, "t"),
            new RunEvent.RunResumed("r", 0, at.plusSeconds(5))));

    SpanData root = exporter.getFinishedSpanItems().get(0);
    assertThat(root.getEndEpochNanos()).isEqualTo(nanos(at.plusSeconds(5)));
    assertThat(root.getAttributes().asMap().toString()).contains("xct.ended=false");
    assertThatThrownBy(() -> spans.export(List.of())).isInstanceOf(XctException.class);
  }

  private static long nanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }
}
