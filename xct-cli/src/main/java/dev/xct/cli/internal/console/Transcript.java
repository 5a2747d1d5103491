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
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a run as a step-by-step transcript a person can follow: what the model proposed, every
 * validator's verdict, what the tool returned, what went back to the model, and a summary. Colours
 * come from the {@link Style}; without them the text reads the same. Each field is printed with
 * {@link TerminalStream#line}, so that text from the model or a tool stays on its own line and
 * cannot pass for XCT's: a goal holding a newline and a fake verdict shows the {@code \n}.
 *
 * <p>Thread-safe: events and approval notes are printed whole, in the order they arrive.
 */
public final class Transcript implements RunListener {
  private static final String INDENT = "        ";
  private static final int MAX_TEXT = 160;

  private final TerminalStream out;
  private final Style style;
  private final List<CharSequence> allowed = new ArrayList<>();
  private int executed;
  private int vetoed;
  private int failed;
  private int rejected;

  /** Prints to {@code out} in {@code style}. */
  public Transcript(TerminalStream out, Style style) {
    this.out = out;
    this.style = style;
  }

  @Override
  public synchronized void onEvent(RunEvent event) {
    if (event instanceof RunEvent.RunStarted started) {
      out.line(
          style.bold("▶ task: " + started.task()), style.dim("  (run " + started.runId() + ")"));
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
    out.line(INDENT, style.yellow("? approval needed: " + request.reason()));
    if (preview && !request.preview().isNull()) {
      out.line(INDENT, style.dim("  preview: " + shorten(request.preview().toJson())));
    }
  }

  /** Notes what the person answered, such as {@code approved by alice}. */
  public synchronized void approvalAnswered(String answer) {
    out.line(INDENT, style.yellow("  → " + answer));
  }

  private void replied(RunEvent.ModelReplied replied) {
    out.println();
    Styled label = style.bold(String.format("step %-3d", replied.step()));
    if (replied.decoded() instanceof DecodeResult.Valid valid) {
      if (valid.decision() instanceof Decision.Proposal proposal) {
        out.line(label, style.cyan(proposal.tool()), " ", shorten(proposal.arguments().toJson()));
        if (!proposal.goal().isEmpty()) {
          out.line(INDENT, style.dim("goal: " + shorten(proposal.goal())));
        }
      } else if (valid.decision() instanceof Decision.Done done) {
        out.line(label, style.green("done: "), shorten(done.message()));
      }
    } else if (replied.decoded() instanceof DecodeResult.Invalid invalid) {
      rejected++;
      out.line(label, style.dim("model replied: "), shorten(replied.reply().text()));
      out.line(
          INDENT,
          style.red("✗ reply rejected " + invalid.failure().code()),
          ": ",
          invalid.failure().message());
    }
  }

  private void verdict(String validator, Verdict verdict) {
    if (verdict instanceof Verdict.Allow) {
      allowed(style.green("✓ "), validator);
    } else if (verdict instanceof Verdict.Approved approved) {
      allowed(
          style.green("✓ "), validator, style.yellow(" (approved by " + approved.approver() + ")"));
    } else if (verdict instanceof Verdict.Deny deny) {
      flushAllowed();
      vetoed++;
      out.line(INDENT, style.red("✗ " + validator + " denied " + deny.code()), ": ", deny.reason());
    } else if (verdict instanceof Verdict.Stop stop) {
      flushAllowed();
      out.line(
          INDENT,
          style.red("■ " + validator + " stopped the run " + stop.code()),
          ": ",
          stop.reason());
    }
  }

  private void allowed(CharSequence... parts) {
    if (!allowed.isEmpty()) {
      allowed.add("  ");
    }
    allowed.addAll(List.of(parts));
  }

  private void finished(RunEvent.ToolFinished finished) {
    executed++;
    if (finished.result() instanceof Result.Success success) {
      out.line(
          INDENT,
          style.green("✓ " + finished.tool() + " ran → "),
          shorten(success.result().toJson()));
    } else if (finished.result() instanceof Result.Failure failure) {
      failed++;
      out.line(
          INDENT,
          style.red("✗ " + finished.tool() + " failed " + failure.code()),
          ": ",
          failure.message());
    }
  }

  private void completed(Step step) {
    flushAllowed();
    if (step.failed()) {
      out.line(
          INDENT,
          style.dim(
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
    out.line(
        ended.status() == RunStatus.DONE ? style.green(head) : style.red(head),
        style.dim(
            String.format(
                " · %d ran · %d vetoed · %d tool errors · %d replies rejected",
                executed, vetoed, failed, rejected)));
    if (!ended.message().isEmpty()) {
      out.line("  ", shorten(ended.message()));
    }
    executed = 0;
    vetoed = 0;
    failed = 0;
    rejected = 0;
  }

  private void flushAllowed() {
    if (!allowed.isEmpty()) {
      List<CharSequence> line = new ArrayList<>();
      line.add(INDENT);
      line.addAll(allowed);
      out.line(line.toArray(CharSequence[]::new));
      allowed.clear();
    }
  }

  /**
   * Returns {@code text} cut to a readable length, never inside a character. {@link
   * TerminalStream#line} escapes what it holds.
   */
  static String shorten(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int cut = MAX_TEXT - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "…";
  }
}
