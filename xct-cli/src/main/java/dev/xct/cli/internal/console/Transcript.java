package dev.xct.cli.internal.console;

import dev.xct.core.RunStatus;
import dev.xct.core.Step;
import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a run as a step-by-step transcript a person can follow: what the model proposed, every
 * validator's verdict, what the tool returned, what went back to the model, and a summary. Colours
 * come from the {@link Style}; without them the text reads the same.
 *
 * <p>Thread-safe: events and approval notes are printed whole, in the order they arrive.
 */
public final class Transcript implements RunListener {
  private static final String INDENT = "        ";
  private static final int MAX_TEXT = 160;

  private final PrintStream out;
  private final Style style;
  private final List<String> allowed = new ArrayList<>();
  private int executed;
  private int vetoed;
  private int failed;
  private int rejected;

  /** Prints to {@code out} in {@code style}. */
  public Transcript(PrintStream out, Style style) {
    this.out = out;
    this.style = style;
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (event instanceof RunEvent.RunStarted started) {
      out.println(
          style.bold("▶ task: " + started.task()) + style.dim("  (run " + started.runId() + ")"));
    } else if (event instanceof RunEvent.ModelReplied replied) {
      replied(replied);
    } else if (event instanceof RunEvent.VerdictIssued issued) {
      verdict(issued.verdict().validator(), issued.verdict().verdict());
    } else if (event instanceof RunEvent.ToolStarting) {
      flushAllowed();
    } else if (event instanceof RunEvent.ToolFinished finished) {
      finished(finished);
    } else if (event instanceof RunEvent.StepCompleted completed) {
      completed(completed.record());
    } else if (event instanceof RunEvent.RunEnded ended) {
      ended(ended);
    }
  }

  /** Notes that a person is asked about {@code request}, with the tool's preview. */
  public void approvalAsked(ApprovalRequest request) {
    approvalAsked(request, true);
  }

  /** Notes that a person is asked about {@code request}; the preview only if {@code preview}. */
  public synchronized void approvalAsked(ApprovalRequest request, boolean preview) {
    flushAllowed();
    out.println(INDENT + style.yellow("? approval needed: " + request.reason()));
    if (preview && !request.preview().isNull()) {
      out.println(INDENT + style.dim("  preview: " + shorten(request.preview().toJson())));
    }
  }

  /** Notes what the person answered, such as {@code approved by alice}. */
  public synchronized void approvalAnswered(String answer) {
    out.println(INDENT + style.yellow("  → " + answer));
  }

  private void replied(RunEvent.ModelReplied replied) {
    out.println();
    String label = style.bold(String.format("step %-3d", replied.step()));
    if (replied.decoded() instanceof DecodeResult.Valid valid) {
      if (valid.decision() instanceof Decision.Proposal proposal) {
        out.println(
            label + style.cyan(proposal.tool()) + " " + shorten(proposal.arguments().toJson()));
        if (!proposal.goal().isEmpty()) {
          out.println(INDENT + style.dim("goal: " + shorten(proposal.goal())));
        }
      } else if (valid.decision() instanceof Decision.Done done) {
        out.println(label + style.green("done: ") + shorten(done.message()));
      }
    } else if (replied.decoded() instanceof DecodeResult.Invalid invalid) {
      rejected++;
      out.println(label + style.dim("model replied: ") + shorten(replied.reply().text()));
      out.println(
          INDENT
              + style.red("✗ reply rejected " + invalid.failure().code())
              + ": "
              + invalid.failure().message());
    }
  }

  private void verdict(String validator, Verdict verdict) {
    if (verdict instanceof Verdict.Allow) {
      allowed.add(style.green("✓ ") + validator);
    } else if (verdict instanceof Verdict.Approved approved) {
      allowed.add(
          style.green("✓ ")
              + validator
              + style.yellow(" (approved by " + approved.approver() + ")"));
    } else if (verdict instanceof Verdict.Deny deny) {
      flushAllowed();
      vetoed++;
      out.println(
          INDENT + style.red("✗ " + validator + " denied " + deny.code()) + ": " + deny.reason());
    } else if (verdict instanceof Verdict.Stop stop) {
      flushAllowed();
      out.println(
          INDENT
              + style.red("■ " + validator + " stopped the run " + stop.code())
              + ": "
              + stop.reason());
    }
  }

  private void finished(RunEvent.ToolFinished finished) {
    executed++;
    if (finished.result() instanceof Result.Success success) {
      out.println(
          INDENT
              + style.green("✓ " + finished.tool() + " ran → ")
              + shorten(success.result().toJson()));
    } else if (finished.result() instanceof Result.Failure failure) {
      failed++;
      out.println(
          INDENT
              + style.red("✗ " + finished.tool() + " failed " + failure.code())
              + ": "
              + failure.message());
    }
  }

  private void completed(Step step) {
    flushAllowed();
    if (step.failed()) {
      out.println(
          INDENT
              + style.dim(
                  step.executed()
                      ? "↩ the error goes back to the model"
                      : "↩ the error goes back to the model; nothing ran"));
    }
  }

  private void ended(RunEvent.RunEnded ended) {
    flushAllowed();
    out.println();
    String status = ended.status().name() + ended.code().map(code -> " (" + code + ")").orElse("");
    String head =
        "■ " + status + " after " + ended.step() + (ended.step() == 1 ? " step" : " steps");
    out.println(
        (ended.status() == RunStatus.DONE ? style.green(head) : style.red(head))
            + style.dim(
                String.format(
                    " · %d ran · %d vetoed · %d tool errors · %d replies rejected",
                    executed, vetoed, failed, rejected)));
    if (!ended.message().isEmpty()) {
      out.println("  " + shorten(ended.message()));
    }
    executed = 0;
    vetoed = 0;
    failed = 0;
    rejected = 0;
  }

  private void flushAllowed() {
    if (!allowed.isEmpty()) {
      out.println(INDENT + String.join("  ", allowed));
      allowed.clear();
    }
  }

  /** Returns {@code text} on one line, cut to a readable length. */
  static String shorten(String text) {
    String flat = text.replace("\r", "\\r").replace("\n", "\\n");
    return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 1) + "…";
  }
}
