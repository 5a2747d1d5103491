package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.agent.AgentLoop;
import dev.xct.cli.internal.console.Console;
import dev.xct.cli.internal.console.Progress;
import dev.xct.cli.internal.console.Transcript;
import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.RunResult;
import dev.xct.core.XctException;
import dev.xct.core.journal.Journal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.validate.ActionDigest;
import dev.xct.core.validate.ApprovalAnswer;
import dev.xct.core.validate.ApprovalOutcome;
import dev.xct.core.validate.PendingApproval;
import dev.xct.policy.CheckedPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * What {@code xct approve} and {@code xct deny} share: rebuild the run's loop from the policy, the
 * workspace and the model of the environment, over the journal the run paused in; answer its
 * request, bound to the action the person saw; and, if the answer is accepted, resume the run to
 * its end (or its next pause) with a transcript.
 */
abstract class AnswerCommand implements Callable<Integer> {
  @ParentCommand XctCommand parent;

  @Mixin PolicyOptions setup;

  @Option(
      names = "--journal",
      required = true,
      paramLabel = "DIR",
      description = "The durable journal the run paused in (the --durable-journal DIR of xct run).")
  Path journal;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who answers, for the journal (default: the user name).")
  String by = System.getProperty("user.name", "unknown");

  @Option(
      names = "--action",
      paramLabel = "DIGEST",
      description =
          "The action digest you were shown by 'xct approvals list'; the answer is refused if the"
              + " run waits for another action. Default: the action the run waits for.")
  String action;

  @Parameters(paramLabel = "RUN_ID", description = "The run to answer.")
  String runId;

  /** Returns this command's answer to {@code action}. */
  abstract ApprovalAnswer answer(ActionDigest action);

  @Override
  public Integer call() {
    Console console = parent.console();
    Inputs.requireFile(setup.policyFile, "policy file");
    Inputs.requireDirectory(setup.workspace, "workspace");
    Inputs.requireDirectory(journal, "journal");
    CheckedPolicy checked = CheckedPolicy.load(setup.policyFile);
    ModelClient model = Inputs.model();
    Transcript transcript = new Transcript(console.out(), console.style());
    try (Journal durable = DurableJournals.open(journal)) {
      ExecutionLoop loop =
          AgentLoop.builder(
                  checked.policy(),
                  PolicyToolkits.forPolicy(checked, setup.workspace),
                  new Progress(model, console),
                  Deferrals.approver(),
                  List.of(transcript),
                  Clock.systemUTC(),
                  () -> runId)
              .journal(durable)
              .build();
      ApprovalOutcome outcome = loop.approvals().decide(runId, answer(digest(loop)));
      if (outcome instanceof ApprovalOutcome.Refused refused) {
        console.err().line("✗ the answer was refused: " + refused.code() + ": " + refused.reason());
        return ExitCodes.ANSWER_REFUSED;
      }
      RunResult result = ((ApprovalOutcome.Resumed) outcome).result();
      Deferrals.noteIfPaused(result, journal, console.out());
      return ExitCodes.of(result.status());
    } catch (XctException e) {
      throw new CliException(ExitCodes.NO_INPUT, e.getMessage());
    }
  }

  private ActionDigest digest(ExecutionLoop loop) {
    if (action != null) {
      try {
        return new ActionDigest(action);
      } catch (XctException e) {
        throw new CliException(ExitCodes.USAGE, "--action: " + e.getMessage());
      }
    }
    // Without a request nothing identifies an action: the answer is refused, and recorded so.
    return loop.approvals()
        .pending(runId)
        .map(PendingApproval::action)
        .orElse(ActionDigest.of("", JsonValue.emptyObject()));
  }
}
