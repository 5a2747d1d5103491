package dev.xct.core.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelFailure;
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
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
  private static final TokenUsage CACHED = new TokenUsage(2_048, 30, 1_920);
  private static final Duration LATENCY = Duration.ofNanos(1_234_000);
  private static final List<VerdictRecord> VERDICTS =
      List.of(
          new VerdictRecord("known-tool", Verdict.allow()),
          new VerdictRecord(
              "policy", new Verdict.Approved(ActionDigest.of("fs.write", ARGS), "alice")));

  private static final ActionDigest DIGEST = ActionDigest.of("fs.write", ARGS);

  private static PendingApproval request(Optional<String> fingerprint) {
    return new PendingApproval(
        "r-1",
        1,
        new ToolCall("fs.write", ARGS, "why"),
        DIGEST,
        JsonValue.parse("{\"diff\":\"-a\\n+b\"}"),
        "the tool 'fs.write' is destructive",
        true,
        AT,
        AT.plusSeconds(3600),
        fingerprint);
  }

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
            new ModelReply("{\"next_step\":...}", CACHED),
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
            5,
            AT,
            new Step.Done(
                new Step.Header(5, AT, "{\"done\":true,\"message\":\"ok\"}", LATENCY, CACHED),
                Decision.done("ok"))),
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
            "r-1",
            1,
            AT,
            RunStatus.AWAITING_APPROVAL,
            Optional.of("APPROVAL_PENDING"),
            "step 1 waits"),
        new RunEvent.ApprovalRequested("r-1", 1, AT, "policy", request(Optional.of("f00d"))),
        new RunEvent.ApprovalRequested(
            "r-1", 1, AT, "approve-destructive", request(Optional.empty())),
        new RunEvent.ApprovalDecided(
            "r-1",
            1,
            AT,
            DIGEST,
            "alice",
            new ApprovalDecision.Approve(DIGEST, "alice"),
            Optional.empty()),
        new RunEvent.ApprovalDecided(
            "r-1",
            1,
            AT,
            DIGEST,
            "bob",
            ApprovalDecision.deny("no"),
            Optional.of("APPROVAL_EXPIRED")),
        new RunEvent.ApprovalDecided(
            "r-1", 1, AT, DIGEST, "carol", ApprovalDecision.stop("halt"), Optional.empty()),
        new RunEvent.ApprovalExpired("r-1", 1, AT, DIGEST),
        new RunEvent.RunEnded(
            "r-1", 3, AT, RunStatus.STOPPED, Optional.of("JOURNAL_FAILED"), "journal"),
        modelFailed(
            new ModelFailure(
                "dev.xct.model.support.ModelTransportException",
                "answered HTTP 429: slow down",
                OptionalInt.of(429),
                Optional.of(Duration.ofSeconds(20)),
                Optional.empty())),
        modelFailed(
            new ModelFailure(
                "java.lang.IllegalStateException",
                "",
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty())));
  }

  private static RunEvent.RunEnded modelFailed(ModelFailure failure) {
    return new RunEvent.RunEnded(
        "r-1",
        2,
        AT,
        RunStatus.MODEL_FAILED,
        Optional.of("MODEL_FAILED"),
        "model client failed: " + failure.message(),
        Optional.of(failure));
  }

  private static final String MODEL_FAILED_LINE =
      "{\"type\":\"run_ended\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
          + "\"status\":\"MODEL_FAILED\",\"code\":\"MODEL_FAILED\",\"message\":\"m\"";

  @Test
  void aRunEndedLineWrittenBeforeFailuresWereRecordedReadsAsNoFailure() {
    RunEvent.RunEnded back = (RunEvent.RunEnded) EventParser.parse(MODEL_FAILED_LINE + "}");

    assertThat(back.status()).isEqualTo(RunStatus.MODEL_FAILED);
    assertThat(back.failure()).isEmpty();
  }

  private static final String REPLIED_LINE =
      "{\"type\":\"model_replied\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
          + "\"reply\":\"x\",\"latency_us\":5,\"prompt_tokens\":1200,\"completion_tokens\":300";
  private static final String DECISION = ",\"decision\":{\"done\":true,\"message\":\"ok\"}}";

  @Test
  void aModelRepliedLineWrittenBeforeCachedTokensWereCountedReadsAsNoneCached() {
    RunEvent.ModelReplied back = (RunEvent.ModelReplied) EventParser.parse(REPLIED_LINE + DECISION);

    assertThat(back.reply().usage()).isEqualTo(new TokenUsage(1_200, 300, 0));
  }

  @Test
  void cachedPromptTokensAreWrittenOnlyWhenThereAreSomeSoUncachedRunsWriteTheOldLines() {
    String cachedLine = REPLIED_LINE + ",\"cached_prompt_tokens\":1024" + DECISION;
    RunEvent cached = EventParser.parse(cachedLine);

    assertThat(((RunEvent.ModelReplied) cached).reply().usage())
        .isEqualTo(new TokenUsage(1_200, 300, 1_024));
    assertThat(EventJson.line(cached)).isEqualTo(cachedLine);
    assertThat(EventJson.line(EventParser.parse(REPLIED_LINE + DECISION)))
        .isEqualTo(REPLIED_LINE + DECISION);
  }

  @Test
  void membersThisCodeDoesNotKnowAreIgnoredSoOlderReadersReadNewerLines() {
    // The property by which format 2 readers that predate 'failure' read lines that carry it.
    RunEvent.RunEnded back =
        (RunEvent.RunEnded) EventParser.parse(MODEL_FAILED_LINE + ",\"later\":{\"x\":[1]}}");

    assertThat(back.message()).isEqualTo("m");
  }

  @Test
  void aFailureIsRecordedWithoutItsCause() {
    IllegalStateException thrown = new IllegalStateException("broken");
    RunEvent.RunEnded event = modelFailed(ModelFailure.of(thrown));

    assertThat(event.failure().orElseThrow().cause()).isEmpty();
    assertThat(EventJson.toJson(event).get("failure").toString())
        .isEqualTo("{\"type\":\"java.lang.IllegalStateException\",\"message\":\"broken\"}");
  }

  @Test
  void aRetryAfterKeepsWholeMicrosecondsAndTheLongestWaitRoundTrips() {
    Duration longest = Duration.of(Long.MAX_VALUE, ChronoUnit.MICROS);
    RunEvent.RunEnded fine =
        modelFailed(
            new ModelFailure(
                "T",
                "",
                OptionalInt.of(503),
                Optional.of(Duration.ofNanos(1_234_567)),
                Optional.empty()));
    RunEvent.RunEnded huge =
        modelFailed(
            new ModelFailure("T", "", OptionalInt.empty(), Optional.of(longest), Optional.empty()));

    assertThat(
            ((RunEvent.RunEnded) EventParser.parse(EventJson.line(fine)))
                .failure()
                .orElseThrow()
                .retryAfter())
        .contains(Duration.ofNanos(1_234_000));
    assertThat(EventParser.parse(EventJson.line(huge))).isEqualTo(huge);
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
            + "\"verdict\":{\"validator\":\"v\",\"verdict\":\"maybe\"}}",
        "{\"type\":\"run_ended\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
            + "\"status\":\"DONE\",\"message\":\"m\",\"failure\":{\"type\":\"T\",\"message\":\"\"}}",
        "{\"type\":\"run_ended\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
            + "\"status\":\"MODEL_FAILED\",\"message\":\"m\",\"failure\":{\"message\":\"\"}}",
        "{\"type\":\"run_ended\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
            + "\"status\":\"MODEL_FAILED\",\"message\":\"m\","
            + "\"failure\":{\"type\":\"T\",\"message\":\"\",\"status\":\"429\"}}",
        "{\"type\":\"run_ended\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
            + "\"status\":\"MODEL_FAILED\",\"message\":\"m\","
            + "\"failure\":{\"type\":\"T\",\"message\":\"\",\"status\":42}}",
        "{\"type\":\"run_ended\",\"run_id\":\"r\",\"step\":1,\"at\":\"2025-01-01T00:00:00Z\","
            + "\"status\":\"MODEL_FAILED\",\"message\":\"m\","
            + "\"failure\":{\"type\":\"T\",\"message\":\"\",\"retry_after_us\":-1}}",
        REPLIED_LINE + ",\"cached_prompt_tokens\":1201" + DECISION,
        REPLIED_LINE + ",\"cached_prompt_tokens\":-1" + DECISION
      })
  void malformedEventsAreRejectedWithXctException(String line) {
    assertThatThrownBy(() -> EventParser.parse(line)).isInstanceOf(XctException.class);
  }
}
