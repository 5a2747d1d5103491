package dev.xct.core.internal.context;

import dev.xct.core.Step;
import dev.xct.core.internal.json.JsonText;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolHints;
import dev.xct.core.tool.ToolSpec;
import java.util.List;
import tools.jackson.core.io.JsonStringEncoder;

/** The texts of the default prompt, kept apart from the budgeting logic. */
public final class ContextText {
  /** Prefix of the task message. */
  public static final String TASK_PREFIX = "Task: ";

  /** Room kept for the elision note. */
  public static final int ELISION_RESERVE = 200;

  private static final String PROTOCOL =
      """
      You are an operator inside an XCT execution loop. You never execute anything yourself: \
      you propose exactly one tool call per reply; the system validates it, may refuse it, \
      runs it, and tells you the result.

      Reply with exactly one JSON object and nothing else (no prose, no code fences), in one of \
      two shapes:
      {"next_step":{"tool":"<tool name>","arguments":{...},"goal":"<why this step>"}}
      {"done":true,"message":"<what was accomplished, or why it cannot be>"}

      Rules:
      - One action per reply. Only tool calls change anything: describing an action does not \
      perform it.
      - After each step you receive {"step":N,"tool":"<name>","response":{...}} where response is \
      {"status":"success","result":...} or \
      {"status":"error","code":"<CODE>","message":"...","details":{...}}.
      - Results of older successful steps are shown as {"status":"success","masked":"<N> \
      characters"}: the call succeeded and its result is no longer shown. Call the tool again if \
      you need it. Errors and your own replies are never masked.
      - Errors are information, not failures: read the code and message and adjust. Nothing is \
      retried for you, and repeating a failing call will not change its outcome.
      - The system may refuse any proposal for any reason (policy, budget, a person).
      - Arguments must match the tool's schema exactly; unknown members are rejected.
      - Reply done when the task is complete, or when it cannot be completed (say why).
      """;

  private ContextText() {}

  /** Returns the system prompt: protocol rules and the tool catalog. */
  public static String systemPrompt(List<ToolSpec> tools) {
    StringBuilder out = new StringBuilder(PROTOCOL).append("\nTools:\n");
    if (tools.isEmpty()) {
      out.append("(none)\n");
    }
    for (ToolSpec tool : tools) {
      out.append("- ").append(tool.name()).append(hints(tool.hints()));
      if (!tool.description().isEmpty()) {
        out.append(": ").append(tool.description());
      }
      out.append("\n  arguments schema: ").append(tool.inputSchema().toJson()).append('\n');
    }
    return out.toString();
  }

  /** Returns the model's reply for a step, cut to {@code maxChars}. */
  public static String reply(Step step, int maxChars) {
    String raw = step.rawReply();
    if (raw.length() <= maxChars) {
      return raw;
    }
    return raw.substring(0, maxChars) + "…[cut: " + (raw.length() - maxChars) + " more characters]";
  }

  /**
   * Returns the labelled system response for a step: {@code {"step":…,"tool":…,"response":…}}, the
   * text the library's mapper writes for that object. Written directly, with the mapper's own
   * string escaping and the result's cached JSON text, instead of building and writing a tree.
   */
  public static String response(Step step) {
    StringBuilder out = new StringBuilder(96).append("{\"step\":").append(step.number());
    Decision.Proposal proposal = null;
    Result result = null;
    if (step instanceof Step.Executed executed) {
      proposal = executed.proposal();
      result = executed.outcome();
    } else if (step instanceof Step.Refused refused) {
      proposal = refused.proposal();
      result = refused.failure();
    } else if (step instanceof Step.Rejected rejected) {
      result = rejected.failure();
    }
    if (proposal != null) {
      string(out.append(",\"tool\":"), proposal.tool());
    }
    if (result instanceof Result.Success success) {
      out.append(",\"response\":{\"status\":\"success\",\"result\":")
          .append(success.result().toJson())
          .append('}');
    } else if (result instanceof Result.Failure failure) {
      string(out.append(",\"response\":{\"status\":\"error\",\"code\":"), failure.code());
      string(out.append(",\"message\":"), failure.message());
      if (!failure.details().isEmptyObject()) {
        out.append(",\"details\":").append(failure.details().toJson());
      }
      out.append('}');
    }
    return JsonText.escapeLoneSurrogates(out.append('}').toString());
  }

  private static void string(StringBuilder out, String value) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, out);
    out.append('"');
  }

  /**
   * Returns the labelled one-line stub that replaces a successful result once it is older than the
   * recent window, {@code {"step":…,"tool":…,"response":{"status":"success","masked":"N
   * characters"}}}, or {@code null} for a step that is never masked: an error, a refusal, a reply
   * that could not be read.
   */
  public static String masked(Step step) {
    if (!(step instanceof Step.Executed executed)
        || !(executed.outcome() instanceof Result.Success success)) {
      return null;
    }
    StringBuilder out = new StringBuilder(96).append("{\"step\":").append(step.number());
    string(out.append(",\"tool\":"), executed.proposal().tool());
    return out.append(",\"response\":{\"status\":\"success\",\"masked\":\"")
        .append(success.result().toJson().length())
        .append(" characters\"}}")
        .toString();
  }

  /** Returns the note about omitted steps, or an empty string when none were omitted. */
  public static String elision(int firstKept, int failed) {
    if (firstKept == 0) {
      return "";
    }
    return "\n\n[Steps 1-"
        + firstKept
        + " are omitted to fit the context: "
        + (firstKept - failed)
        + " succeeded, "
        + failed
        + " failed. The most recent steps follow.]";
  }

  private static String hints(ToolHints hints) {
    if (hints.readOnly()) {
      return " [read-only]";
    }
    if (hints.destructive()) {
      return " [destructive: may need approval]";
    }
    return "";
  }
}
