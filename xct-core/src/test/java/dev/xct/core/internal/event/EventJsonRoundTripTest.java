package dev.xct.core.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonRoundTripTest {
  private static final Instant AT = Instant.parse("2025-01-02T03:04:05.123456789Z");
  private static final JsonValue ARGS = JsonValue.parse("{\"path\":\"a b\",\"n\":[1,2.5,null]}");
  private static final Decision.Proposal PROPOSAL = Decision.propose("fs.write", ARGS, "why");
  private static final TokenUsage USAGE = new TokenUsage(12, 7);
  private static final Duration LATENCY = Duration.ofNanos(1_234_000);
  private static final List<VerdictRecord> VERDICTS =
      List.of(
          new VerdictRecord("known-tool", Verdict.allow()),
          new VerdictRecord(
              "policy", new Verdict.Approved(ActionDigest.of("fs.write", ARGS), "alice")));

  static Stream<RunEvent> events() {
    Result.Failure denied =
        Result.failure("POLICY_DENIED", "no", Map.of("rule", 3, "why", List.of("x")));
    return Stream.of(
        new RunEvent.RunStarted("r-1", 0, AT, "do \"it\"\nnow ü"),
        new RunEvent.RunResumed("r-1", 4, AT),
        new RunEvent.ModelReplied(
            "r-1",
            1,
            AT,
            new ModelReply("{\"next_step\":...}", USAGE),
            new DecodeResult.Valid(PROPOSAL),
            LATENCY),
        new RunEvent.ModelReplied(
            "r-1",
            1,
            AT,
            ModelReply.of("{\"done\":true}"),
            new DecodeResult.Valid(Decision.done("")),
            Duration.ZERO),
        new RunEvent.ModelReplied(
            "r-1",
            2,
            AT,
            ModelReply.of("nope"),
            new DecodeResult.Invalid(Result.failure("INVALID_JSON", "bad")),
            LATENCY),
        new RunEvent.VerdictIssued("r-1", 1, AT, VERDICTS.get(1)),
        new RunEvent.VerdictIssued(
            "r-1",
            1,
            AT,
            new VerdictRecord("policy", new Verdict.Deny("POLICY_DENIED", "no", denied.details()))),
        new RunEvent.VerdictIssued(
            "r-1", 1, AT, new VerdictRecord("stopper", Verdict.stop("HALT", "enough"))),
        new RunEvent.ToolStarting("r-1", 1, AT, new ToolCall("fs.write", ARGS, "why")),
        new RunEvent.ToolFinished(
            "r-1", 1, AT, "fs.write", Result.success(Map.of("ok", true)), LATENCY),
        new RunEvent.ToolFinished("r-1", 1, AT, "fs.write", denied, Duration.ZERO),
        new RunEvent.StepCompleted(
            "r-1",
            1,
            AT,
            new Step.Executed(
                new Step.Header(1, AT, "raw", LATENCY, USAGE),
                PROPOSAL,
                VERDICTS,
                Result.success(JsonValue.nullValue()),
                Duration.ofMillis(3))),
        new RunEvent.StepCompleted(
            "r-1",
            4,
            AT,
            new Step.Refused(
                new Step.Header(4, AT, "raw", LATENCY, USAGE),
                PROPOSAL,
                VERDICTS,
                Result.failure("POLICY_DENIED", "no"))),
        new RunEvent.StepCompleted(
            "r-1",
            2,
            AT,
            new Step.Rejected(
                new Step.Header(2, AT, "garbage", LATENCY, TokenUsage.unknown()),
                Result.failure("INVALID_JSON", "bad"))),
        new RunEvent.StepCompleted(
            "r-1",
            3,
            AT,
            new Step.Done(
                new Step.Header(3, AT, "{\"done\":true,\"message\":\"ok\"}", LATENCY, USAGE),
                Decision.done("ok"))),
        new RunEvent.RunEnded("r-1", 3, AT, RunStatus.DONE, Optional.empty(), "ok"),
        new RunEvent.RunEnded(
            "r-1", 3, AT, RunStatus.STOPPED, Optional.of("JOURNAL_FAILED"), "journal"));
  }

  @ParameterizedTest
  @MethodSource("events")
  void everyEventReadsBackEqualToWhatWasWritten(RunEvent event) {
    String line = EventJson.line(event);

    RunEvent back = EventParser.parse(line);

    assertThat(back).isEqualTo(event);
    assertThat(EventJson.line(back)).isEqualTo(line);
  }

  @Test
  void theTableCoversEveryEventType() {
    Set<Class<?>> covered = events().map(Object::getClass).collect(Collectors.toSet());
    assertThat(covered).containsExactlyInAnyOrder(RunEvent.class.getPermittedSubclasses());
  }

  @Test
  void durationsKeepWholeMicroseconds() {
    RunEvent event =
        new RunEvent.ToolFinished("r", 1, AT, "t", Result.success(1), Duration.ofNanos(1_234_567));

    RunEvent.ToolFinished back = (RunEvent.ToolFinished) EventParser.parse(EventJson.line(event));

    assertThat(back.duration()).isEqualTo(Duration.ofNanos(1_234_000));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{}",
        "{\"type\":\"nope\",\"run_id\":\"r\",\"step\":0,\"at\":\"2025-01-01T00:00:00Z\"}",
        "{\"type\":\"run_started\",\"run_id\":\"r\",\"step\":0,\"at\":\"yesterday\",\"task\":\"t\"}",
        "{\"type\":\"run_started\",\"run_id\":\"r\",\"step\":\"x\",\"at\":\"2025-01-01T00:00:00Z\"}",
        "{\"type\":\"tool_finished\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\"}",
        "{\"type\":\"verdict\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
            + "\"verdict\":{\"validator\":\"v\",\"verdict\":\"maybe\"}}"
      })
  void malformedEventsAreRejectedWithXctException(String line) {
    assertThatThrownBy(() -> EventParser.parse(line)).isInstanceOf(XctException.class);
  }
}
