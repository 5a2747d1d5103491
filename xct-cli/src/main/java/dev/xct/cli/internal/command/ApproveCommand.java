package dev.xct.cli.internal.command;

import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalAnswer;
import picocli.CommandLine.Command;

/** Approves the action a paused run waits on, and resumes the run: {@code xct approve}. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve the action a run paused on (xct run --approve defer) and resume the run, with the"
          + " same policy, workspace and model configuration (see docs/approvals.md).",
      "The whole policy judges the action again, and it runs only if the request has not expired"
          + " and its target is unchanged since the preview."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the resumed run ended with the model saying done",
      " 2:a budget ran out",
      " 3:a validator or a person stopped the run",
      " 4:the model failed, or the run was interrupted",
      " 5:the resumed run paused for another approval",
      " 6:the answer was refused (another action, expired, answered before, nothing waits)",
      "64:usage error",
      "65:bad policy or model configuration",
      "66:a file, the workspace, the journal or the run is missing"
    })
final class ApproveCommand extends AnswerCommand {
  @Override
  ApprovalAnswer answer(ActionDigest action) {
    return ApprovalAnswer.approve(action, by);
  }
}
