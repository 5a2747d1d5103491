package dev.xct.cli.internal.console;

import dev.xct.core.JsonValue;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Approver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks the person at the terminal about one exact action: shows the tool, the rule's reason, the
 * arguments in full and what the tool says it would change (the resolved paths and the diff of a
 * write, the argv of a command), then reads approve, deny with a reason, or stop. Without a
 * terminal it denies, so that nothing a person was meant to see runs unseen.
 *
 * <p>What is shown cannot be forged by what it shows: every field is one line, printed with {@link
 * TerminalStream#line} after XCT's label, so that a newline, a carriage return, an escape sequence
 * or a bidirectional control in a path, an argument or a diff line reads as a visible escape, and a
 * diff is split on newlines only, so that a carriage return inside a line cannot pass for a line of
 * its own. The arguments are not shortened: the person sees every byte of what will run.
 *
 * <p>Thread-safe: one question at a time.
 */
public final class TerminalApprover implements Approver {
  private static final int MAX_ATTEMPTS = 5;
  private final Console console;
  private final Transcript transcript;
  private final TerminalStream display;
  private final String who;

  /**
   * Asks on {@code console}, noting questions and answers in {@code transcript} and showing the
   * action on {@code display} (standard error when standard output carries JSON).
   */
  public TerminalApprover(Console console, Transcript transcript, TerminalStream display) {
    this.console = console;
    this.transcript = transcript;
    this.display = display;
    this.who = "terminal:" + System.getProperty("user.name", "operator");
  }

  @Override
  public synchronized ApprovalDecision decide(ApprovalRequest request) {
    // At a terminal the action is shown in full below; the raw preview would only repeat it.
    transcript.approvalAsked(request, !console.interactive());
    if (!console.interactive()) {
      String reason = "no terminal to ask for approval; the action was not approved";
      transcript.approvalAnswered("denied: " + reason);
      return ApprovalDecision.deny(reason);
    }
    show(request);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      console.err().prompt(console.style().yellow("        approve [a], deny [d] or stop [s]? "));
      Optional<String> answer = readLine();
      if (answer.isEmpty()) {
        transcript.approvalAnswered("denied: no answer (end of input)");
        return ApprovalDecision.deny("the operator did not answer; the action was not approved");
      }
      String choice = answer.get().strip().toLowerCase(Locale.ROOT);
      if (choice.equals("a") || choice.equals("approve")) {
        transcript.approvalAnswered("approved by " + who);
        return ApprovalDecision.approve(request, who);
      } else if (choice.equals("d") || choice.equals("deny")) {
        console.err().prompt("        reason (the model reads it): ");
        String reason =
            readLine()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse("denied by the operator");
        transcript.approvalAnswered("denied by " + who + ": " + reason);
        return ApprovalDecision.deny(reason);
      } else if (choice.equals("s") || choice.equals("stop")) {
        transcript.approvalAnswered("run stopped by " + who);
        return ApprovalDecision.stop("the operator stopped the run");
      }
    }
    transcript.approvalAnswered("denied: no valid answer");
    return ApprovalDecision.deny("the operator gave no valid answer; the action was not approved");
  }

  private void show(ApprovalRequest request) {
    Style style = console.style();
    display.line("        tool:      ", style.cyan(request.proposal().tool()));
    display.line("        arguments: ", request.proposal().arguments().toJson());
    JsonValue preview = request.preview();
    preview
        .get("resolved")
        .or(() -> preview.get("path"))
        .flatMap(JsonValue::asString)
        .ifPresent(path -> display.line("        path:      ", path));
    // fs.move previews where the entry would land.
    preview
        .get("resolvedDestination")
        .or(() -> preview.get("destination"))
        .flatMap(JsonValue::asString)
        .ifPresent(path -> display.line("        to:        ", path));
    // shell.exec previews the resolved argv as "command", with its working directory.
    preview
        .get("argv")
        .or(() -> preview.get("command"))
        .ifPresent(argv -> display.line("        argv:      ", argv.toJson()));
    preview
        .get("cwd")
        .flatMap(JsonValue::asString)
        .ifPresent(cwd -> display.line("        cwd:       ", cwd));
    preview
        .get("refused")
        .flatMap(JsonValue::asString)
        .ifPresent(code -> display.line("        refused:   ", code));
    preview
        .get("diff")
        .flatMap(JsonValue::asString)
        .ifPresent(
            diff -> lines(diff).forEach(line -> display.line("          ", colour(style, line))));
  }

  /** Splits on newlines only: {@link String#lines} would also split on a lone carriage return. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static CharSequence colour(Style style, String line) {
    if (line.startsWith("+") && !line.startsWith("+++")) {
      return style.green(line);
    } else if (line.startsWith("-") && !line.startsWith("---")) {
      return style.red(line);
    }
    return line;
  }

  private Optional<String> readLine() {
    try {
      return Optional.ofNullable(console.in().readLine());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
