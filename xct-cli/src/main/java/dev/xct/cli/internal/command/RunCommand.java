package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.agent.AgentLoop;
import dev.xct.cli.internal.agent.ReplayJournal;
import dev.xct.cli.internal.console.Console;
import dev.xct.cli.internal.console.Progress;
import dev.xct.cli.internal.console.TerminalApprover;
import dev.xct.cli.internal.console.TerminalStream;
import dev.xct.cli.internal.console.Transcript;
import dev.xct.core.CancellationToken;
import dev.xct.core.ModelClient;
import dev.xct.core.RunResult;
import dev.xct.core.Toolkit;
import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunListener;
import dev.xct.core.journal.Journal;
import dev.xct.policy.CheckedPolicy;
import dev.xct.policy.PolicyFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Runs a live agent against a real model: {@code xct run}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a live agent with the file and shell tools under a policy, against an"
          + " OpenAI-compatible model configured from the environment (XCT_MODEL,"
          + " XCT_MODEL_URL, XCT_API_KEY, XCT_MODEL_OUTPUT; see docs/cli.md).",
      "Rules that ask for approval are asked at the terminal: approve, deny with a reason, or"
          + " stop. Without a terminal they are denied. With --approve defer the run pauses"
          + " instead, in its --durable-journal, until someone answers with xct approve or xct deny."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the model said done",
      " 2:a budget ran out",
      " 3:a validator or the operator stopped the run",
      " 4:the model failed, or the run was interrupted",
      " 5:the run paused for a person's approval (--approve defer)",
      "64:usage error",
      "65:bad policy or model configuration",
      "66:a file or the workspace is missing"
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand XctCommand parent;

  @Mixin PolicyOptions setup;

  @Mixin JournalOptions journals;

  @Option(
      names = "--approve",
      paramLabel = "HOW",
      description =
          "How approvals are asked: ask (the default: at the terminal) or defer (the run pauses,"
              + " exit code 5, and waits up to 24 hours in --durable-journal for xct approve or"
              + " xct deny, from any process).")
  ApproveMode approve = ApproveMode.ASK;

  /** How {@code xct run} asks for approvals. */
  enum ApproveMode {
    /** At the terminal; denied without one. */
    ASK,
    /** The run pauses for an answer given later. */
    DEFER
  }

  @Option(names = "--json", description = "Print the run's events as JSON Lines, not a transcript.")
  boolean json;

  @Parameters(paramLabel = "TASK", description = "What the agent should do.")
  String task;

  @Override
  public Integer call() {
    Console console = parent.console();
    if (approve == ApproveMode.DEFER && journals.durableJournal == null) {
      throw new CliException(
          ExitCodes.USAGE, "--approve defer needs --durable-journal DIR: the run waits there");
    }
    Inputs.requireFile(setup.policyFile, "policy file");
    Inputs.requireDirectory(setup.workspace, "workspace");
    CheckedPolicy checked = CheckedPolicy.load(setup.policyFile);
    PolicyFile policy = checked.policy();
    Toolkit toolkit = PolicyToolkits.forPolicy(checked, setup.workspace);
    ModelClient model = Inputs.model();
    Transcript transcript = new Transcript(console.out(), console.style());
    // With --json, standard output carries only events; approval notes go to standard error.
    TerminalStream notes = json ? console.err() : console.out();
    Transcript approvals = json ? new Transcript(notes, console.style()) : transcript;
    List<RunListener> listeners = new ArrayList<>();
    listeners.add(
        json
            ? JsonLinesEventWriter.to(
                new OutputStreamWriter(console.out(), console.out().encoding()))
            : transcript);
    CancellationToken cancellation = CancellationToken.create();
    Thread onInterrupt = new Thread(cancellation::cancel, "xct-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try (Writer journalOut = journals.openJournal();
        Journal durable = DurableJournals.open(journals.durableJournal)) {
      listeners.add(new ReplayJournal(journalOut));
      RunResult result =
          DurableJournals.attach(
                  AgentLoop.builder(
                      policy,
                      toolkit,
                      new Progress(model, console),
                      approve == ApproveMode.DEFER
                          ? Deferrals.approver()
                          : new TerminalApprover(console, approvals, notes),
                      listeners,
                      Clock.systemUTC(),
                      () -> UUID.randomUUID().toString()),
                  durable)
              .build()
              .run(task, cancellation);
      Deferrals.noteIfPaused(result, journals.durableJournal, notes);
      return ExitCodes.of(result.status());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      removeHook(onInterrupt);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down (Ctrl-C): the hook has run and cancelled the run.
      return;
    }
  }
}
