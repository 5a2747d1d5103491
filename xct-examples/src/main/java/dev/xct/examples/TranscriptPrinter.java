package dev.xct.examples;

import dev.xct.core.event.RunEvent;
import dev.xct.core.event.RunListener;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.validate.Verdict;
import java.io.PrintStream;

/** Prints a run as a readable, step-by-step transcript: proposal, verdicts, result, summary. */
public final class TranscriptPrinter implements RunListener {
  private final PrintStream out;

  /** Prints to {@code out}. */
  public TranscriptPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onEvent(RunEvent event) {
    if (event instanceof RunEvent.RunStarted started) {
      out.println("▶ task: " + started.task());
    } else if (event instanceof RunEvent.ModelReplied replied) {
      out.println();
      out.println("step " + replied.step() + "  model: " + replied.reply().text());
      if (replied.decoded() instanceof DecodeResult.Invalid invalid) {
        out.println(
            "        ✗ rejected " + invalid.failure().code() + ": " + invalid.failure().message());
      }
    } else if (event instanceof RunEvent.VerdictIssued issued) {
      Verdict verdict = issued.verdict().verdict();
      String name = issued.verdict().validator();
      if (verdict instanceof Verdict.Deny deny) {
        out.println("        ✗ " + name + " denied " + deny.code() + ": " + deny.reason());
      } else if (verdict instanceof Verdict.Stop stop) {
        out.println("        ■ " + name + " stopped the run " + stop.code() + ": " + stop.reason());
      } else {
        out.println("        ✓ " + name);
      }
    } else if (event instanceof RunEvent.ToolFinished finished) {
      Result result = finished.result();
      if (result instanceof Result.Failure failure) {
        out.println(
            "        ✗ "
                + finished.tool()
                + " failed "
                + failure.code()
                + ": "
                + failure.message());
      } else if (result instanceof Result.Success success) {
        out.println("        ✓ " + finished.tool() + " → " + success.result());
      }
    } else if (event instanceof RunEvent.RunEnded ended) {
      out.println();
      out.println(
          "■ run ended: "
              + ended.status()
              + ended.code().map(code -> " (" + code + ")").orElse("")
              + " after "
              + ended.step()
              + " steps: "
              + ended.message());
    }
  }
}
