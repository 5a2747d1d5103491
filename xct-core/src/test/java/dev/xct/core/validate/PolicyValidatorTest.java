package dev.xct.core.validate;

import static dev.xct.core.validate.Contexts.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {
  private static final Policy POLICY =
      Policy.builder()
          .allow("fs.read")
          .rule(
              PolicyRule.deny("shell.exec", Condition.at("/argv/0").equalsTo("rm"))
                  .withId("no-rm")
                  .withReason("deleting files is not allowed"))
          .rule(PolicyRule.ask("k8s.**").withId("k8s-needs-a-human"))
          .build();

  private final FakeTool read = FakeTool.plain("fs.read");
  private final FakeTool exec = FakeTool.plain("shell.exec");
  private final FakeTool scale = FakeTool.plain("k8s.deployments.scale");
  private final ValidationContext context = Contexts.of(read, exec, scale);

  @Test
  void anAllowRuleAllowsWithoutAskingAnyone() {
    RecordingApprover approver = RecordingApprover.approving();
    Verdict verdict = Validators.policy(POLICY, approver).check(propose("fs.read"), context);
    assertThat(verdict).isSameAs(Verdict.allow());
    assertThat(approver.requests).isEmpty();
  }

  @Test
  void aDenyRuleDeniesNamingTheRuleAndItsReason() {
    Proposal rm = propose("shell.exec", "{\"argv\":[\"rm\",\"-rf\",\"/\"]}");
    Verdict verdict = Validators.policy(POLICY).check(rm, context);
    assertThat(verdict).isInstanceOf(Verdict.Deny.class);
    Verdict.Deny deny = (Verdict.Deny) verdict;
    assertThat(deny.code()).isEqualTo(ErrorCodes.POLICY_DENIED);
    assertThat(deny.reason())
        .contains("'no-rm'")
        .contains("shell.exec")
        .contains("deleting files is not allowed");
    assertThat(deny.details())
        .isEqualTo(JsonValue.parse("{\"rule\":\"no-rm\",\"tool\":\"shell.exec\"}"));
  }

  @Test
  void aProposalNoRuleMatchesIsDeniedByDefault() {
    Proposal ls = propose("shell.exec", "{\"argv\":[\"ls\"]}");
    Verdict.Deny deny = (Verdict.Deny) Validators.policy(POLICY).check(ls, context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.POLICY_DENIED);
    assertThat(deny.reason()).isEqualTo("no policy rule allows the tool 'shell.exec'");
    assertThat(deny.details()).isEqualTo(JsonValue.parse("{\"tool\":\"shell.exec\"}"));
  }

  @Test
  void aHugeToolNameIsShortenedInTheDenial() {
    Verdict.Deny deny =
        (Verdict.Deny) Validators.policy(POLICY).check(propose("x".repeat(5000)), context);
    assertThat(deny.reason()).hasSizeLessThan(200);
    assertThat(deny.details().toJson()).hasSizeLessThan(200);
  }

  @Test
  void anAskRuleWithoutAnApproverIsDeniedNeverAllowed() {
    Verdict.Deny deny =
        (Verdict.Deny) Validators.policy(POLICY).check(propose("k8s.deployments.scale"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.APPROVAL_DENIED);
    assertThat(deny.reason()).contains("'k8s-needs-a-human'").contains("no approver");
  }

  @Test
  void aNullApproverIsRejectedAtBuildTimeWhenTheModeOrThePolicyMayNeedOne() {
    assertThatThrownBy(() -> Validators.policy(POLICY, null))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("ask rules");
    Policy noAsk = Policy.builder().allow("**").build();
    assertThatThrownBy(() -> Validators.policy(noAsk, null))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("ASK_RULES_AND_DESTRUCTIVE");
    assertThatThrownBy(() -> Validators.policy(POLICY, null, ApprovalMode.ASK_RULES))
        .isInstanceOf(XctException.class);
    Validator lenient = Validators.policy(noAsk, null, ApprovalMode.ASK_RULES);
    assertThat(lenient.check(propose("fs.read"), context)).isSameAs(Verdict.allow());
  }

  @Test
  void anApprovedAskRuleYieldsAnApprovalBoundToTheExactAction() {
    RecordingApprover approver = RecordingApprover.approving();
    Proposal proposal = propose("k8s.deployments.scale", "{\"replicas\":0}");
    Verdict verdict = Validators.policy(POLICY, approver).check(proposal, context);
    assertThat(verdict)
        .isEqualTo(
            new Verdict.Approved(
                ActionDigest.of("k8s.deployments.scale", proposal.arguments()), "alice"));
    assertThat(verdict.allows()).isTrue();
  }

  @Test
  void theApprovalRequestSaysWhichRuleAsksAndDescribesTheAction() {
    RecordingApprover approver = RecordingApprover.approving();
    Proposal proposal = propose("k8s.deployments.scale", "{\"replicas\":0}");
    Validators.policy(POLICY, approver).check(proposal, context);
    assertThat(approver.requests).hasSize(1);
    ApprovalRequest request = approver.requests.get(0);
    assertThat(request.runId()).isEqualTo("run-1");
    assertThat(request.step()).isEqualTo(3);
    assertThat(request.proposal()).isEqualTo(proposal);
    assertThat(request.spec()).isEqualTo(scale.spec());
    assertThat(request.action()).isEqualTo(ActionDigest.of(proposal.tool(), proposal.arguments()));
    assertThat(request.reason()).contains("'k8s-needs-a-human'").contains("requires approval");
    assertThat(request.preview().isNull()).isTrue();
  }

  @Test
  void anApprovalOfADifferentActionIsRejectedAsAMismatch() {
    Proposal other = propose("k8s.deployments.scale", "{\"replicas\":3}");
    ActionDigest otherDigest = ActionDigest.of(other.tool(), other.arguments());
    RecordingApprover approver =
        RecordingApprover.answering(
            request ->
                ApprovalDecision.approve(
                    new ApprovalRequest(
                        request.runId(),
                        request.step(),
                        other,
                        request.spec(),
                        otherDigest,
                        request.reason(),
                        request.preview()),
                    "mallory"));
    Proposal proposal = propose("k8s.deployments.scale", "{\"replicas\":0}");
    Verdict verdict = Validators.policy(POLICY, approver).check(proposal, context);
    assertThat(verdict).isInstanceOf(Verdict.Deny.class);
    Verdict.Deny deny = (Verdict.Deny) verdict;
    assertThat(deny.code()).isEqualTo(ErrorCodes.APPROVAL_MISMATCH);
    assertThat(deny.details().get("approved")).contains(JsonValue.from(otherDigest.hex()));
    assertThat(deny.details().get("rule")).contains(JsonValue.from("k8s-needs-a-human"));
  }

  @Test
  void aPersonsDenialReachesTheModelWithTheirReason() {
    RecordingApprover approver = RecordingApprover.denying("not during the freeze");
    Verdict.Deny deny =
        (Verdict.Deny)
            Validators.policy(POLICY, approver).check(propose("k8s.deployments.scale"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.APPROVAL_DENIED);
    assertThat(deny.reason()).isEqualTo("not during the freeze");
  }

  @Test
  void aBlankDenialReasonIsReplacedByAReadableOne() {
    RecordingApprover approver = RecordingApprover.denying(" ");
    Verdict.Deny deny =
        (Verdict.Deny)
            Validators.policy(POLICY, approver).check(propose("k8s.deployments.scale"), context);
    assertThat(deny.reason()).isEqualTo("the approver refused this action");
  }

  @Test
  void aPersonWhoStopsTheRunEndsIt() {
    RecordingApprover approver = RecordingApprover.stopping("this agent is confused");
    Verdict verdict =
        Validators.policy(POLICY, approver).check(propose("k8s.deployments.scale"), context);
    assertThat(verdict)
        .isEqualTo(Verdict.stop(ErrorCodes.APPROVAL_STOPPED, "this agent is confused"));
  }

  @Test
  void anApproverThatThrowsMakesTheValidatorThrowRatherThanAllow() {
    RecordingApprover approver =
        RecordingApprover.answering(
            request -> {
              throw new IllegalStateException("approval service unreachable");
            });
    Validator validator = Validators.policy(POLICY, approver);
    assertThatThrownBy(() -> validator.check(propose("k8s.deployments.scale"), context))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("approval service unreachable");
  }

  @Test
  void anApproverThatReturnsNullMakesTheValidatorThrow() {
    Validator validator = Validators.policy(POLICY, RecordingApprover.answering(request -> null));
    assertThatThrownBy(() -> validator.check(propose("k8s.deployments.scale"), context))
        .isInstanceOf(XctException.class)
        .hasMessageContaining("null");
  }

  @Test
  void anAskRuleForAnUnregisteredToolIsDeniedWithoutAsking() {
    RecordingApprover approver = RecordingApprover.approving();
    Verdict.Deny deny =
        (Verdict.Deny)
            Validators.policy(POLICY, approver).check(propose("k8s.nodes.drain"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.UNKNOWN_TOOL);
    assertThat(approver.requests).isEmpty();
  }

  @Test
  void theValidatorIsNamedPolicy() {
    assertThat(Validators.policy(POLICY).name()).isEqualTo("policy");
    assertThat(Validators.policy(POLICY, RecordingApprover.approving()).name()).isEqualTo("policy");
  }
}
