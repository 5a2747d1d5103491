package dev.xct.core.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Strict decoder of model replies behind {@link dev.xct.core.protocol.ProtocolCodec}. */
public final class ReplyDecoder {
  private static final Set<String> PROPOSAL_KEYS = Set.of("next_step");
  private static final Set<String> DONE_KEYS = Set.of("done", "message");
  private static final Set<String> STEP_KEYS = Set.of("tool", "arguments", "goal");
  private static final Pattern FENCE =
      Pattern.compile(
          "\\A\\s*```(?:json|JSON)?[ \\t]*\\r?\\n(.*?)\\r?\\n?```\\s*\\z", Pattern.DOTALL);

  private final int maxChars;
  private final int maxDepth;
  private final boolean stripCodeFence;
  private final ObjectReader reader;

  /** Creates a decoder with the given limits. */
  public ReplyDecoder(int maxChars, int maxDepth, boolean stripCodeFence) {
    this.maxChars = maxChars;
    this.maxDepth = maxDepth;
    this.stripCodeFence = stripCodeFence;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxDocumentLength(maxChars)
                    .maxStringLength(maxChars)
                    .maxNumberLength(1000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.reader =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();
  }

  /** Decodes {@code raw}; never throws. */
  public DecodeResult decode(String raw) {
    if (raw == null || raw.isBlank()) {
      return invalid(ErrorCodes.EMPTY_REPLY, "the reply was empty; reply with one JSON object");
    }
    if (raw.length() > maxChars) {
      return invalid(
          ErrorCodes.REPLY_TOO_LARGE,
          "the reply has " + raw.length() + " characters; the limit is " + maxChars,
          Map.of("length", raw.length(), "limit", maxChars));
    }
    String text = raw;
    if (stripCodeFence) {
      Matcher fence = FENCE.matcher(raw);
      if (fence.matches()) {
        text = fence.group(1);
      }
    }
    JsonNode root;
    try {
      root = reader.readTree(text);
    } catch (StreamConstraintsException e) {
      return constraintViolated(e);
    } catch (JacksonException e) {
      return parseError(e);
    } catch (RuntimeException | StackOverflowError e) {
      return invalid(ErrorCodes.INVALID_JSON, "the reply could not be parsed as JSON");
    }
    if (root == null || root.isMissingNode()) {
      return invalid(ErrorCodes.EMPTY_REPLY, "the reply held no JSON value");
    }
    return shape(root);
  }

  private DecodeResult shape(JsonNode root) {
    if (!root.isObject()) {
      return shapeError("the reply must be a JSON object, not " + kind(root));
    }
    boolean hasStep = root.has("next_step");
    boolean hasDone = root.has("done");
    if (hasStep && hasDone) {
      return shapeError("the reply holds both next_step and done; send exactly one of them");
    }
    if (hasStep) {
      return proposal(root);
    }
    if (hasDone) {
      return done(root);
    }
    return shapeError(
        "the reply must be {\"next_step\":{\"tool\":…,\"arguments\":{…},\"goal\":…}} or"
            + " {\"done\":true,\"message\":…}");
  }

  private DecodeResult proposal(JsonNode root) {
    String unknown = unknownMember(root, PROPOSAL_KEYS);
    if (unknown != null) {
      return shapeError("unknown top-level member \"" + unknown + "\" next to next_step");
    }
    JsonNode step = root.get("next_step");
    if (!step.isObject()) {
      return shapeError("next_step must be an object, not " + kind(step));
    }
    String unknownStep = unknownMember(step, STEP_KEYS);
    if (unknownStep != null) {
      return shapeError("unknown member \"" + unknownStep + "\" in next_step");
    }
    JsonNode tool = step.get("tool");
    if (tool == null || !tool.isString() || tool.stringValue().isBlank()) {
      return shapeError("next_step.tool must be a non-empty string");
    }
    JsonNode arguments = step.get("arguments");
    if (arguments == null || !arguments.isObject()) {
      return shapeError(
          "next_step.arguments must be an object"
              + (arguments == null ? "" : ", not " + kind(arguments)));
    }
    JsonNode goal = step.get("goal");
    if (goal != null && !goal.isString()) {
      return shapeError("next_step.goal must be a string, not " + kind(goal));
    }
    return new DecodeResult.Valid(
        new Decision.Proposal(
            tool.stringValue(), Json.adopt(arguments), goal == null ? "" : goal.stringValue()));
  }

  private DecodeResult done(JsonNode root) {
    String unknown = unknownMember(root, DONE_KEYS);
    if (unknown != null) {
      return shapeError("unknown top-level member \"" + unknown + "\" next to done");
    }
    JsonNode done = root.get("done");
    if (!done.isBoolean() || !done.booleanValue()) {
      return shapeError("done must be the boolean true, not " + done);
    }
    JsonNode message = root.get("message");
    if (message != null && !message.isString()) {
      return shapeError("message must be a string, not " + kind(message));
    }
    return new DecodeResult.Valid(new Decision.Done(message == null ? "" : message.stringValue()));
  }

  private DecodeResult constraintViolated(StreamConstraintsException e) {
    String detail = String.valueOf(e.getOriginalMessage());
    if (detail.contains("nesting depth")) {
      return invalid(
          ErrorCodes.REPLY_TOO_DEEP,
          "the reply nests deeper than " + maxDepth + " levels",
          Map.of("limit", maxDepth));
    }
    return invalid(
        ErrorCodes.REPLY_TOO_LARGE,
        "the reply exceeds a size limit: " + detail,
        Map.of("limit", maxChars));
  }

  private static DecodeResult parseError(JacksonException e) {
    String detail = String.valueOf(e.getOriginalMessage());
    Map<String, Object> details = new LinkedHashMap<>();
    if (e.getLocation() != null) {
      details.put("line", e.getLocation().getLineNr());
      details.put("column", e.getLocation().getColumnNr());
    }
    if (detail.startsWith("Duplicate Object property")) {
      return invalid(
          ErrorCodes.DUPLICATE_KEY, "the reply repeats a member name: " + detail, details);
    }
    return invalid(ErrorCodes.INVALID_JSON, "the reply is not valid JSON: " + detail, details);
  }

  private static String unknownMember(JsonNode object, Set<String> allowed) {
    for (String name : object.propertyNames()) {
      if (!allowed.contains(name)) {
        return name;
      }
    }
    return null;
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static DecodeResult shapeError(String message) {
    return invalid(ErrorCodes.INVALID_REPLY, message);
  }

  private static DecodeResult invalid(String code, String message) {
    return new DecodeResult.Invalid(Result.failure(code, message));
  }

  private static DecodeResult invalid(String code, String message, Map<String, ?> details) {
    return new DecodeResult.Invalid(
        details.isEmpty()
            ? Result.failure(code, message)
            : new Result.Failure(code, message, JsonValue.from(details)));
  }
}
