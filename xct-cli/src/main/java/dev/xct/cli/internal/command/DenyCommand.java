package dev.xct.cli.internal.command;

import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Denies the action a paused run waits on, and resumes the run: {@code xct deny}. */
@Command(
    name = "deny",
    mixinStandardHelpOptions = true,
    description = {
      "Deny the action a run paused on (xct run --approve defer) and resume the run: the model"
          + " reads the reason and decides what to do instead (see docs/approvals.md)."
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
final class DenyCommand extends AnswerCommand {
  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why not; the model reads it.")
  String reason;

  @Override
  ApprovalAnswer answer(ActionDigest action) {
    return ApprovalAnswer.deny(action, by, reason);
  }
}
