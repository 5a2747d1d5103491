package dev.xct.core.validate;

import static dev.xct.core.validate.Contexts.propose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xct.core.protocol.Decision.Proposal;
import dev.xct.core.protocol.ErrorCodes;
import org.junit.jupiter.api.Test;

class DestructiveApprovalTest {
  private final FakeTool delete = FakeTool.destructive("fs.delete");
  private final FakeTool write = FakeTool.plain("fs.write");
  private final ValidationContext context = Contexts.of(delete, write);

  @Test
  void aDestructiveToolUnderAnAskRuleIsAskedAboutExactlyOnce() {
    RecordingApprover approver = RecordingApprover.approving();
    Policy policy = Policy.builder().rule(PolicyRule.ask("fs.*").withId("fs-ask")).build();
    Verdict verdict = Validators.policy(policy, approver).check(propose("fs.delete"), context);
    assertThat(verdict).isInstanceOf(Verdict.Approved.class);
    assertThat(approver.requests).singleElement();
    assertThat(approver.requests.get(0).reason()).contains("'fs-ask'");
  }

  @Test
  void aDestructiveToolUnderAnAllowRuleIsAskedAboutByDefault() {
    RecordingApprover approver = RecordingApprover.approving();
    Policy policy = Policy.builder().allow("fs.**").build();
    Verdict verdict = Validators.policy(policy, approver).check(propose("fs.delete"), context);
    assertThat(verdict).isInstanceOf(Verdict.Approved.class);
    assertThat(approver.requests).singleElement();
    assertThat(approver.requests.get(0).reason()).isEqualTo("the tool 'fs.delete' is destructive");
  }

  @Test
  void aDestructiveToolUnderAnAllowRuleIsDeniedWhenThePersonSaysNo() {
    Policy policy = Policy.builder().allow("fs.**").build();
    Verdict.Deny deny =
        (Verdict.Deny)
            Validators.policy(policy, RecordingApprover.denying("keep it"))
                .check(propose("fs.delete"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.APPROVAL_DENIED);
    assertThat(deny.details().get("rule")).isPresent();
  }

  @Test
  void askRulesModeLetsAllowRulesAllowDestructiveToolsWithoutAsking() {
    RecordingApprover approver = RecordingApprover.approving();
    Policy policy = Policy.builder().allow("fs.**").build();
    Verdict verdict =
        Validators.policy(policy, approver, ApprovalMode.ASK_RULES)
            .check(propose("fs.delete"), context);
    assertThat(verdict).isSameAs(Verdict.allow());
    assertThat(approver.requests).isEmpty();
  }

  @Test
  void aNonDestructiveToolUnderAnAllowRuleIsNotAskedAbout() {
    RecordingApprover approver = RecordingApprover.approving();
    Policy policy = Policy.builder().allow("fs.**").build();
    assertThat(Validators.policy(policy, approver).check(propose("fs.write"), context))
        .isSameAs(Verdict.allow());
    assertThat(approver.requests).isEmpty();
  }

  @Test
  void aDestructiveToolUnderADenyRuleIsDeniedWithoutAsking() {
    RecordingApprover approver = RecordingApprover.approving();
    Policy policy = Policy.builder().deny("fs.delete").allow("fs.**").build();
    Verdict.Deny deny =
        (Verdict.Deny) Validators.policy(policy, approver).check(propose("fs.delete"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.POLICY_DENIED);
    assertThat(approver.requests).isEmpty();
  }

  @Test
  void anAllowRuleForAnUnregisteredToolIsDeniedWhenDestructiveToolsAreGated() {
    RecordingApprover approver = RecordingApprover.approving();
    Policy policy = Policy.builder().allow("fs.**").build();
    Verdict.Deny deny =
        (Verdict.Deny) Validators.policy(policy, approver).check(propose("fs.shred"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.UNKNOWN_TOOL);
    assertThat(approver.requests).isEmpty();
  }

  @Test
  void anAllowRuleForAnUnregisteredToolAllowsInAskRulesModeLeavingItToKnownTool() {
    Policy policy = Policy.builder().allow("fs.**").build();
    Verdict verdict =
        Validators.policy(policy, RecordingApprover.approving(), ApprovalMode.ASK_RULES)
            .check(propose("fs.shred"), context);
    assertThat(verdict).isSameAs(Verdict.allow());
  }

  @Test
  void approveDestructiveAsksOnlyAboutDestructiveTools() {
    RecordingApprover approver = RecordingApprover.approving();
    Validator validator = Validators.approveDestructive(approver);
    Proposal proposal = propose("fs.delete", "{\"path\":\"a.txt\"}");
    assertThat(validator.check(propose("fs.write"), context)).isSameAs(Verdict.allow());
    assertThat(validator.check(proposal, context))
        .isEqualTo(
            new Verdict.Approved(ActionDigest.of("fs.delete", proposal.arguments()), "alice"));
    assertThat(approver.requests).singleElement();
    assertThat(approver.requests.get(0).spec().hints().destructive()).isTrue();
  }

  @Test
  void approveDestructiveMapsDenyAndStopLikeThePolicyValidator() {
    Verdict.Deny deny =
        (Verdict.Deny)
            Validators.approveDestructive(RecordingApprover.denying("no"))
                .check(propose("fs.delete"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.APPROVAL_DENIED);
    assertThat(deny.reason()).isEqualTo("no");
    assertThat(
            Validators.approveDestructive(RecordingApprover.stopping("halt"))
                .check(propose("fs.delete"), context))
        .isEqualTo(Verdict.stop(ErrorCodes.APPROVAL_STOPPED, "halt"));
  }

  @Test
  void approveDestructiveRejectsAnApprovalOfAnotherAction() {
    Proposal elsewhere = propose("fs.delete", "{\"path\":\"harmless.txt\"}");
    ActionDigest elsewhereDigest = ActionDigest.of(elsewhere.tool(), elsewhere.arguments());
    Validator validator =
        Validators.approveDestructive(
            RecordingApprover.answering(
                request -> new ApprovalDecision.Approve(elsewhereDigest, "mallory")));
    Verdict.Deny deny =
        (Verdict.Deny) validator.check(propose("fs.delete", "{\"path\":\"/\"}"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.APPROVAL_MISMATCH);
  }

  @Test
  void approveDestructiveThrowsWhenTheApproverThrows() {
    Validator validator =
        Validators.approveDestructive(
            RecordingApprover.answering(
                request -> {
                  throw new IllegalStateException("pager down");
                }));
    assertThatThrownBy(() -> validator.check(propose("fs.delete"), context))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void approveDestructiveDeniesUnregisteredToolsWhoseHintsAreUnknown() {
    RecordingApprover approver = RecordingApprover.approving();
    Verdict.Deny deny =
        (Verdict.Deny) Validators.approveDestructive(approver).check(propose("fs.shred"), context);
    assertThat(deny.code()).isEqualTo(ErrorCodes.UNKNOWN_TOOL);
    assertThat(approver.requests).isEmpty();
  }

  @Test
  void approveDestructiveIsNamedAndNeedsAnApprover() {
    assertThat(Validators.approveDestructive(RecordingApprover.approving()).name())
        .isEqualTo("approve-destructive");
    assertThatThrownBy(() -> Validators.approveDestructive(null))
        .isInstanceOf(NullPointerException.class);
  }
}
