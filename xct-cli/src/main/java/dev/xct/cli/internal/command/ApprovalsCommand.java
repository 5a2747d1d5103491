package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.console.TerminalStream;
import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.PendingApproval;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Lists the approval requests paused runs wait on: {@code xct approvals list --journal DIR}. */
@Command(
    name = "approvals",
    mixinStandardHelpOptions = true,
    description =
        "Work with the approval requests that paused runs wait on (see docs/approvals.md).",
    subcommands = {ApprovalsCommand.ListCommand.class})
final class ApprovalsCommand implements Runnable {
  @ParentCommand XctCommand parent;

  @Override
  public void run() {
    throw new CliException(ExitCodes.USAGE, "xct approvals needs a command: list --journal DIR");
  }

  /** Prints every waiting request, oldest first, with what a person needs to decide. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the requests that runs in a durable journal wait on, oldest first: the run, the"
            + " step, the tool and arguments, why approval is needed, when it expires, the action"
            + " digest an answer is bound to, and the preview.",
        "Reads the journal without locking it: a run may be going on meanwhile."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {" 0:listed (perhaps nothing)", "66:the journal is missing or unreadable"})
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand ApprovalsCommand group;

    @Option(
        names = "--journal",
        required = true,
        paramLabel = "DIR",
        description = "The durable journal (the --durable-journal DIR of xct run).")
    Path journal;

    @Override
    public Integer call() {
      Inputs.requireDirectory(journal, "journal");
      TerminalStream out = group.parent.console().out();
      List<PendingApproval> pending;
      try (FileJournal file = FileJournal.openReadOnly(journal)) {
        ExecutionLoop reader =
            ExecutionLoop.builder(
                    request -> {
                      throw new IllegalStateException("listing approvals asks no model");
                    },
                    ToolRegistry.empty())
                .journal(file)
                .build();
        pending = reader.approvals().pending();
      } catch (XctException e) {
        throw new CliException(
            ExitCodes.NO_INPUT, "cannot read the journal " + journal + ": " + e.getMessage());
      }
      if (pending.isEmpty()) {
        out.line("no run waits for approval in " + journal);
      }
      for (PendingApproval request : pending) {
        print(request, out);
      }
      return ExitCodes.DONE;
    }

    private static void print(PendingApproval request, TerminalStream out) {
      out.line(
          "run " + request.runId(),
          "  step " + request.step(),
          "  " + request.call().tool(),
          request.destructive() ? "  (destructive)" : "");
      out.line("  arguments: " + request.call().arguments().toJson());
      out.line("  why:       " + request.reason());
      out.line("  asked:     " + request.askedAt() + "   expires: " + request.expiresAt());
      out.line("  action:    " + request.action().hex());
      JsonValue preview = request.preview();
      String diff = preview.get("diff").flatMap(JsonValue::asString).orElse(null);
      if (diff != null) {
        out.line("  preview:");
        diff.lines().forEach(line -> out.line("    " + line));
      } else {
        out.line("  preview:   " + preview.toJson());
      }
    }
  }
}
