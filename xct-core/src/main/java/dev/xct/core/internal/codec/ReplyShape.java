package dev.xct.core.internal.codec;

import dev.xct.core.JsonValue;
import dev.xct.core.internal.json.Json;
import dev.xct.core.internal.json.Snippet;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.protocol.Result;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a parsed reply is exactly one of the two decision shapes, mirroring {@code
 * model-reply.schema.json} rule for rule. Every rejection is an {@link ErrorCodes#INVALID_REPLY}
 * whose message says what to change and whose details carry a JSON Pointer to the offending member.
 * Stateless and thread-safe.
 */
final class ReplyShape {
  /** Shown after most shape errors: the two shapes a reply may take. */
  static final String SHAPES =
      "reply with exactly one JSON object, either"
          + " {\"next_step\":{\"tool\":\"<tool name>\",\"arguments\":{…},\"goal\":\"<why>\"}}"
          + " or {\"done\":true,\"message\":\"<what was accomplished>\"}";

  // Arrays, not sets: looking names up in them allocates nothing.
  private static final String[] STEP_KEYS = {"tool", "arguments", "goal"};
  private static final String[] PROPOSAL_KEYS = {"next_step"};
  private static final String[] DONE_KEYS = {"done", "message"};

  private ReplyShape() {}

  /** Returns the decision {@code root} holds, or why it holds none. */
  static DecodeResult decode(JsonNode root) {
    if (!root.isObject()) {
      String hint =
          root.isString() && root.stringValue().strip().startsWith("{")
              ? "; send the object itself, not a string that contains it"
              : "; " + SHAPES;
      return error("", "the reply must be a JSON object, not " + Snippet.describe(root) + hint);
    }
    boolean hasStep = root.has("next_step");
    boolean hasDone = root.has("done");
    if (hasStep && hasDone) {
      return error(
          "",
          "the reply holds both next_step and done; send exactly one of them: next_step to act,"
              + " done to finish");
    }
    if (hasStep) {
      return proposal(root);
    }
    if (hasDone) {
      return done(root);
    }
    String first = root.isEmpty() ? null : root.propertyNames().iterator().next();
    return error(
        first == null ? "" : Snippet.pointerSegment(first),
        first == null
            ? "the reply is an empty object; " + SHAPES
            : "the reply has neither next_step nor done (found "
                + Snippet.quote(first)
                + "); "
                + SHAPES);
  }

  private static DecodeResult proposal(JsonNode root) {
    String unknown = firstUnknown(root, PROPOSAL_KEYS);
    if (unknown != null) {
      return unknownMember(
          "", unknown, "next to next_step; remove it: a proposal holds only next_step");
    }
    JsonNode step = root.get("next_step");
    if (!step.isObject()) {
      return error(
          "/next_step",
          "next_step must be an object, not "
              + Snippet.describe(step)
              + "; write \"next_step\":{\"tool\":…,\"arguments\":{…},\"goal\":…}");
    }
    String unknownStep = firstUnknown(step, STEP_KEYS);
    if (unknownStep != null) {
      return unknownMember(
          "/next_step",
          unknownStep,
          "in next_step; remove it, or move tool inputs into arguments: next_step holds only"
              + " tool, arguments and goal");
    }
    JsonNode tool = step.get("tool");
    String toolProblem = toolProblem(tool);
    if (toolProblem != null) {
      return error("/next_step/tool", toolProblem);
    }
    JsonNode arguments = step.get("arguments");
    if (arguments == null || !arguments.isObject()) {
      return error(
          "/next_step/arguments",
          (arguments == null
                  ? "next_step.arguments is missing"
                  : "next_step.arguments must be an object, not " + Snippet.describe(arguments))
              + "; send the tool's arguments as a JSON object, {} when it takes none");
    }
    JsonNode goal = step.get("goal");
    if (goal != null && !goal.isString()) {
      return error(
          "/next_step/goal",
          "next_step.goal must be a string, not "
              + Snippet.describe(goal)
              + "; say in words why this step is needed, or leave goal out");
    }
    return new DecodeResult.Valid(
        new Decision.Proposal(
            tool.stringValue(), Json.adopt(arguments), goal == null ? "" : goal.stringValue()));
  }

  private static String toolProblem(JsonNode tool) {
    if (tool == null) {
      return "next_step.tool is missing; name the tool to call, for example \"tool\":\"fs.read\"";
    }
    if (!tool.isString()) {
      return "next_step.tool must be a string, not "
          + Snippet.describe(tool)
          + "; write the tool's name as a string, for example \"tool\":\"fs.read\"";
    }
    return toolNameProblem(tool.stringValue());
  }

  /** Returns what is wrong with a tool name given as a string, or {@code null}. */
  static String toolNameProblem(String name) {
    if (name.isBlank()) {
      return "next_step.tool is blank; name the tool to call, for example \"tool\":\"fs.read\"";
    }
    int length = name.codePointCount(0, name.length());
    if (length > ProtocolCodec.MAX_TOOL_NAME_LENGTH) {
      return "next_step.tool has "
          + length
          + " characters, more than "
          + ProtocolCodec.MAX_TOOL_NAME_LENGTH
          + "; use the exact name of one of the tools you were given";
    }
    return null;
  }

  private static DecodeResult done(JsonNode root) {
    String unknown = firstUnknown(root, DONE_KEYS);
    if (unknown != null) {
      return unknownMember(
          "", unknown, "next to done; remove it: a completion holds only done and message");
    }
    JsonNode done = root.get("done");
    if (!done.isBoolean() || !done.booleanValue()) {
      return error(
          "/done",
          done.isBoolean()
              ? "done must be true; to keep working, send a next_step instead"
              : "done must be the boolean true, not "
                  + Snippet.describe(done)
                  + "; write"
                  + " \"done\":true");
    }
    JsonNode message = root.get("message");
    if (message != null && !message.isString()) {
      return error(
          "/message",
          "message must be a string, not "
              + Snippet.describe(message)
              + "; summarise in words what was accomplished, or leave message out");
    }
    return new DecodeResult.Valid(new Decision.Done(message == null ? "" : message.stringValue()));
  }

  private static String firstUnknown(JsonNode object, String[] allowed) {
    int known = 0;
    for (String name : allowed) {
      known += object.has(name) ? 1 : 0;
    }
    if (object.size() == known) {
      return null; // the usual reply: no member to look for
    }
    for (String name : object.propertyNames()) {
      if (!List.of(allowed).contains(name)) {
        return name;
      }
    }
    return null;
  }

  private static DecodeResult unknownMember(String parent, String name, String advice) {
    return error(
        parent + Snippet.pointerSegment(name),
        "unknown member " + Snippet.quote(name) + " " + advice);
  }

  private static DecodeResult error(String pointer, String message) {
    return new DecodeResult.Invalid(
        new Result.Failure(
            ErrorCodes.INVALID_REPLY, message, JsonValue.from(Map.of("pointer", pointer))));
  }
}
