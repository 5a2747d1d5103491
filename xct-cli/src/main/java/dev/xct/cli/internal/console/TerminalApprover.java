package dev.xct.cli.internal.console;

import dev.xct.core.JsonValue;
import dev.xct.core.validate.ApprovalDecision;
import dev.xct.core.validate.ApprovalRequest;
import dev.xct.core.validate.Approver;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks the person at the terminal about one exact action: shows the tool, the rule's reason, the
 * arguments and what the tool says it would change (the resolved path and the diff or content of a
 * write, the argv of a command), then reads approve, deny with a reason, or stop. Without a
 * terminal it denies, so that nothing a person was meant to see runs unseen.
 *
 * <p>Thread-safe: one question at a time.
 */
public final class TerminalApprover implements Approver {
  private static final int MAX_ATTEMPTS = 5;
  private final Console console;
  private final Transcript transcript;
  private final PrintStream display;
  private final String who;

  /**
   * Asks on {@code console}, noting questions and answers in {@code transcript} and showing the
   * action on {@code display} (standard error when standard output carries JSON).
   */
  public TerminalApprover(Console console, Transcript transcript, PrintStream display) {
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
      console.err().print(console.style().yellow("        approve [a], deny [d] or stop [s]? "));
      console.err().flush();
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
        console.err().print("        reason (the model reads it): ");
        console.err().flush();
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
    display.println("        tool:      " + style.cyan(request.proposal().tool()));
    display.println(
        "        arguments: " + Transcript.shorten(request.proposal().arguments().toJson()));
    JsonValue preview = request.preview();
    preview
        .get("resolved")
        .or(() -> preview.get("path"))
        .flatMap(JsonValue::asString)
        .ifPresent(path -> display.println("        path:      " + path));
    // shell.exec previews the resolved argv as "command", with its working directory.
    preview
        .get("argv")
        .or(() -> preview.get("command"))
        .ifPresent(argv -> display.println("        argv:      " + argv.toJson()));
    preview
        .get("cwd")
        .flatMap(JsonValue::asString)
        .ifPresent(cwd -> display.println("        cwd:       " + cwd));
    preview
        .get("refused")
        .flatMap(JsonValue::asString)
        .ifPresent(code -> display.println("        refused:   " + code));
    preview
        .get("diff")
        .flatMap(JsonValue::asString)
        .ifPresent(
            diff ->
                diff.lines().forEach(line -> display.println("          " + colour(style, line))));
  }

  private static String colour(Style style, String line) {
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
