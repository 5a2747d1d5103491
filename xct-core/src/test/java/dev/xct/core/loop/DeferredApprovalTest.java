package dev.xct.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.RunResult;
import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.XctException;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferredApprovalTest {
  private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
  private static final ActionDigest ACTION =
      ActionDigest.of("files.remove", JsonValue.parse("{\"name\":\"notes.txt\"}"));

  @TempDir Path root;
  private final Journal journal = Journal.inMemory();
  private final TestClocks.Manual clock = new TestClocks.Manual(T0);

  @BeforeEach
  void notes() throws IOException {
    Files.writeString(root.resolve("notes.txt"), "keep me?");
  }

  private ExecutionLoop loop() {
    return loop(ApprovalWorld.policy());
  }

  private ExecutionLoop loop(Policy policy) {
    return ApprovalWorld.loop(root, journal, clock, "r1", policy).build();
  }

  private RunResult paused() {
    RunResult result = loop().run("tidy up");
    assertThat(result.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
    return result;
  }

  private ApprovalOutcome.Resumed resumed(ApprovalOutcome outcome) {
    assertThat(outcome).isInstanceOf(ApprovalOutcome.Resumed.class);
    return (ApprovalOutcome.Resumed) outcome;
  }

  private void assertRefused(ApprovalOutcome outcome, String code) {
    assertThat(outcome).isInstanceOf(ApprovalOutcome.Refused.class);
    assertThat(((ApprovalOutcome.Refused) outcome).code()).isEqualTo(code);
  }

  private List<RunEvent.ApprovalDecided> decisions() {
    return journal.read("r1").stream()
        .filter(RunEvent.ApprovalDecided.class::isInstance)
        .map(RunEvent.ApprovalDecided.class::cast)
        .toList();
  }

  private Result.Failure failureOf(RunResult result, int step) {
    return (Result.Failure) result.steps().get(step - 1).result().orElseThrow();
  }

  @Test
  void aDeferredApprovalEndsTheRunAwaitingWithTheExactRequestJournaled() throws IOException {
    RunResult result = paused();

    assertThat(result.code()).contains(ErrorCodes.APPROVAL_PENDING);
    assertThat(result.steps()).isEmpty();
    assertThat(ApprovalWorld.removals(root)).isZero();
    List<PendingApproval> pending = loop().approvals().pending();
    assertThat(pending).hasSize(1);
    PendingApproval request = pending.get(0);
    assertThat(request.runId()).isEqualTo("r1");
    assertThat(request.step()).isEqualTo(1);
    assertThat(request.call().tool()).isEqualTo("files.remove");
    assertThat(request.action()).isEqualTo(ACTION);
    assertThat(request.preview().get("content").flatMap(JsonValue::asString)).contains("keep me?");
    assertThat(request.reason()).contains("destructive");
    assertThat(request.destructive()).isTrue();
    assertThat(request.askedAt()).isEqualTo(T0);
    assertThat(request.expiresAt()).isEqualTo(T0.plus(ApprovalWorld.VALID_FOR));
    assertThat(request.fingerprint()).isPresent();
    assertThat(loop().approvals().pending("r1")).contains(request);
  }

  @Test
  void resumingAPausedRunReturnsItAsItStandsWithoutCallingTheModel() {
    paused();
    clock.advance(Duration.ofMinutes(59));

    RunResult again = loop().resume("r1");

    assertThat(again.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
    assertThat(journal.read("r1").get(journal.read("r1").size() - 1))
        .isInstanceOf(RunEvent.RunEnded.class);
  }

  @Test
  void anApprovalRunsTheToolExactlyOnceAndIsJournaledWithWhoDecided() throws IOException {
    paused();
    clock.advance(Duration.ofMinutes(30));

    RunResult result =
        resumed(loop().approvals().decide("r1", ApprovalAnswer.approve(ACTION, "alice"))).result();

    assertThat(result.status()).isEqualTo(RunStatus.DONE);
    assertThat(ApprovalWorld.removals(root)).isEqualTo(1);
    assertThat(root.resolve("notes.txt")).doesNotExist();
    Step.Executed step = (Step.Executed) result.steps().get(0);
    assertThat(step.verdicts().get(step.verdicts().size() - 1).verdict())
        .isEqualTo(new Verdict.Approved(ACTION, "alice"));
    assertThat(decisions()).hasSize(1);
    assertThat(decisions().get(0).decidedBy()).isEqualTo("alice");
    assertThat(decisions().get(0).at()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(decisions().get(0).accepted()).isTrue();
    assertThat(loop().approvals().pending()).isEmpty();
    // The journal reads back to the same steps the live run reported.
    assertThat(loop().resume("r1").toString()).isEqualTo(result.toString());
  }

  @Test
  void aSecondAnswerToTheSameRequestIsRefusedAndRecordedAndRunsNothing() throws IOException {
    paused();
    resumed(loop().approvals().decide("r1", ApprovalAnswer.approve(ACTION, "alice")));

    ApprovalOutcome second = loop().approvals().decide("r1", ApprovalAnswer.approve(ACTION, "bob"));

    assertRefused(second, ApprovalOutcome.Refused.ALREADY_DECIDED);
    assertThat(ApprovalWorld.removals(root)).isEqualTo(1);
    assertThat(decisions())
        .extracting(d -> d.refused().orElse("accepted"))
        .containsExactly("accepted", ApprovalOutcome.Refused.ALREADY_DECIDED);
    assertThat(loop().resume("r1").status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void anAnswerForAnotherActionIsRefusedAndTheRequestStillWaits() throws IOException {
    paused();
    ActionDigest other = ActionDigest.of("files.remove", JsonValue.parse("{\"name\":\"x\"}"));

    assertRefused(
        loop().approvals().decide("r1", ApprovalAnswer.approve(other, "mallory")),
        ErrorCodes.APPROVAL_MISMATCH);

    assertThat(ApprovalWorld.removals(root)).isZero();
    assertThat(decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.decidedBy()).isEqualTo("mallory");
              assertThat(d.refused()).contains(ErrorCodes.APPROVAL_MISMATCH);
            });
    assertThat(loop().approvals().pending("r1")).isPresent();
    assertThat(loop().resume("r1").status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
  }

  @Test
  void anAnswerAfterExpiryIsRefusedAndAResumeThenTellsTheModel() throws IOException {
    paused();
    clock.advance(ApprovalWorld.VALID_FOR);

    assertRefused(
        loop().approvals().decide("r1", ApprovalAnswer.approve(ACTION, "alice")),
        ErrorCodes.APPROVAL_EXPIRED);
    RunResult result = loop().resume("r1");

    assertThat(ApprovalWorld.removals(root)).isZero();
    assertThat(result.status()).isEqualTo(RunStatus.DONE);
    assertThat(failureOf(result, 1).code()).isEqualTo(ErrorCodes.APPROVAL_EXPIRED);
    assertThat(journal.read("r1"))
        .filteredOn(RunEvent.ApprovalExpired.class::isInstance)
        .hasSize(1);
    assertThat(loop().approvals().pending()).isEmpty();
  }

  @Test
  void aDenialTellsTheModelThePersonsReasonAndTheRunGoesOn() throws IOException {
    paused();

    RunResult result =
        resumed(
                loop()
                    .approvals()
                    .decide("r1", ApprovalAnswer.deny(ACTION, "carol", "notes are still needed")))
            .result();

    assertThat(ApprovalWorld.removals(root)).isZero();
    assertThat(result.status()).isEqualTo(RunStatus.DONE);
    Result.Failure failure = failureOf(result, 1);
    assertThat(failure.code()).isEqualTo(ErrorCodes.APPROVAL_DENIED);
    assertThat(failure.message()).isEqualTo("notes are still needed");
    assertThat(failure.details().get("decided_by").flatMap(JsonValue::asString)).contains("carol");
  }

  @Test
  void aStopEndsTheRunStoppedWithoutRunningTheTool() throws IOException {
    paused();

    RunResult result =
        resumed(loop().approvals().decide("r1", ApprovalAnswer.stop(ACTION, "dave", "enough")))
            .result();

    assertThat(ApprovalWorld.removals(root)).isZero();
    assertThat(result.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(result.code()).contains(ErrorCodes.APPROVAL_STOPPED);
    assertThat(loop().resume("r1").status()).isEqualTo(RunStatus.STOPPED);
  }

  @Test
  void aTargetChangedSinceThePreviewVoidsTheApprovalAndNothingRuns() throws IOException {
    paused();
    Files.writeString(root.resolve("notes.txt"), "now with something important");

    RunResult result =
        resumed(loop().approvals().decide("r1", ApprovalAnswer.approve(ACTION, "alice"))).result();

    assertThat(ApprovalWorld.removals(root)).isZero();
    assertThat(root.resolve("notes.txt")).exists();
    assertThat(failureOf(result, 1).code()).isEqualTo(ErrorCodes.APPROVAL_STALE);
    assertThat(result.status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void anApprovalIsJudgedAgainByTheWholeChainWithTheRulesOfTheDay() throws IOException {
    paused();
    ExecutionLoop stricter = loop(Policy.builder().deny("files.remove").build());

    RunResult result =
        resumed(stricter.approvals().decide("r1", ApprovalAnswer.approve(ACTION, "alice")))
            .result();

    assertThat(ApprovalWorld.removals(root)).isZero();
    assertThat(failureOf(result, 1).code()).isEqualTo(ErrorCodes.POLICY_DENIED);
  }

  @Test
  void anApprovalThatExpiresBeforeItIsCarriedOutRunsNothing() throws IOException {
    paused();
    TestClocks.Manual late = clock;
    // Accepted at 59 minutes; the crash kept it from being carried out until after the expiry.
    late.advance(Duration.ofMinutes(59));
    List<RunEvent> accepted = new java.util.ArrayList<>(journal.read("r1"));
    accepted.add(
        new RunEvent.ApprovalDecided(
            "r1",
            1,
            late.instant(),
            ACTION,
            "alice",
            ApprovalAnswer.approve(ACTION, "alice").decision(),
            Optional.empty()));
    Journal crashed = ResumeFixtures.crashedAt(accepted, e -> false);
    late.advance(Duration.ofMinutes(2));

    RunResult result =
        ApprovalWorld.loop(root, crashed, late, "r1", ApprovalWorld.policy()).build().resume("r1");

    assertThat(ApprovalWorld.removals(root)).isZero();
    assertThat(failureOf(result, 1).code()).isEqualTo(ErrorCodes.APPROVAL_EXPIRED);
  }

  @Test
  void anAnswerToARunThatWaitsForNoneIsRefusedAndAnUnknownRunThrows() {
    Journal other = Journal.inMemory();
    ExecutionLoop plain =
        ApprovalWorld.loop(root, other, clock, "r2", Policy.builder().allow("*").build())
            .validator("no-ask", (p, c) -> Verdict.deny("NO", "no"))
            .build();
    plain.run("t");

    assertRefused(
        plain.approvals().decide("r2", ApprovalAnswer.approve(ACTION, "alice")),
        ApprovalOutcome.Refused.NOT_PENDING);
    assertThatThrownBy(
            () -> plain.approvals().decide("nope", ApprovalAnswer.approve(ACTION, "alice")))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("no run with id 'nope'");
  }

  @Test
  void aDeferralForAnAbsurdlyLongTimeIsCappedInsteadOfOverflowingTheExpiry() {
    RunResult result =
        ExecutionLoop.builder(
                ApprovalWorld.model(),
                dev.xct.core.tool.ToolRegistry.of(new ApprovalWorld.Remove(root, (w, r, s) -> {})))
            .journal(journal)
            .clock(clock)
            .runIds(() -> "r1")
            .validator(
                dev.xct.core.validate.Validators.approveDestructive(
                    request ->
                        dev.xct.core.validate.ApprovalDecision.defer(
                            Duration.ofSeconds(Long.MAX_VALUE))))
            .build()
            .run("tidy up");

    assertThat(result.status()).isEqualTo(RunStatus.AWAITING_APPROVAL);
    assertThat(loop().approvals().pending("r1").orElseThrow().expiresAt())
        .isEqualTo(T0.plus(Duration.ofDays(36_500)));
  }

  @Test
  void timeSpentWaitingForAPersonDoesNotCountOnTheRunsTimeBudget() {
    paused();
    clock.advance(Duration.ofMinutes(50)); // the default budget is shorter than that

    RunResult result =
        resumed(loop().approvals().decide("r1", ApprovalAnswer.approve(ACTION, "alice"))).result();

    assertThat(result.status()).isEqualTo(RunStatus.DONE);
  }

  @Test
  void theJournaledRequestNamesTheValidatorThatAskedAndThePreviewShown() {
    paused();

    RunEvent.ApprovalRequested requested =
        journal.read("r1").stream()
            .filter(RunEvent.ApprovalRequested.class::isInstance)
            .map(RunEvent.ApprovalRequested.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(requested.validator()).isEqualTo("policy");
    assertThat(requested.request().preview())
        .isEqualTo(JsonValue.from(Map.of("remove", "notes.txt", "content", "keep me?")));
  }
}
