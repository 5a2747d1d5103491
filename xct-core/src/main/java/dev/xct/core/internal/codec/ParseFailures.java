package dev.xct.core.internal.codec;

import dev.xct.core.JsonValue;
import dev.xct.core.internal.json.Hashes;
import dev.xct.core.internal.json.Snippet;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.protocol.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns parse-level problems into failures for the model: what is wrong, where (line and column
 * when known), and how to fix it, quoting at most a short escaped fragment of the reply and none of
 * Jackson's advice about its own settings. Immutable and thread-safe.
 */
final class ParseFailures {
  private static final String JSON_FIX =
      "send one JSON object with double-quoted keys and strings, no comments, no trailing commas,"
          + " no NaN or Infinity, and no text around it";

  /** Where Jackson's messages turn from the problem to its own settings or source locations. */
  private static final List<String> JACKSON_ADVICE =
      List.of(
          ": enable ",
          "; enable ",
          " (not recognized as one",
          " (start marker at",
          " [Source",
          " `",
          " require enabling");

  private final int maxChars;
  private final int maxDepth;

  ParseFailures(int maxChars, int maxDepth) {
    this.maxChars = maxChars;
    this.maxDepth = maxDepth;
  }

  DecodeResult empty(String what) {
    return invalid(ErrorCodes.EMPTY_REPLY, what + " was empty; " + ReplyShape.SHAPES, Map.of());
  }

  DecodeResult fenced() {
    return invalid(
        ErrorCodes.INVALID_JSON,
        "the reply is wrapped in a markdown code fence; send the bare JSON object, without ```"
            + " and without any text around it",
        Map.of());
  }

  DecodeResult unreadable() {
    return invalid(ErrorCodes.INVALID_JSON, "the reply could not be read; " + JSON_FIX, Map.of());
  }

  /** A number whose exponent or size no decimal can hold, at or before {@code where}. */
  DecodeResult unrepresentableNumber(TokenStreamLocation where) {
    return invalid(
        ErrorCodes.INVALID_JSON,
        "a number in the reply"
            + at(where)
            + " has an exponent too large for any value to hold; write numbers in plain form, or"
            + " send such values as strings",
        location(where));
  }

  DecodeResult trailing(TokenStreamLocation end) {
    return invalid(
        ErrorCodes.INVALID_JSON,
        "the reply continues after the JSON object ends"
            + at(end)
            + "; send exactly one JSON object and nothing after it",
        location(end));
  }

  /**
   * The reply {@code raw} is over the limit. The details identify it ({@code length}, {@code
   * sha256} of its UTF-8 bytes) and say how much of it the record keeps ({@code recorded_chars}):
   * the loop records only a prefix of a reply it never decoded ({@link RecordedReply}).
   */
  DecodeResult tooLarge(String raw) {
    Map<String, Object> details = ordered("length", raw.length(), "limit", maxChars);
    details.put("sha256", Hashes.sha256(raw));
    details.put("recorded_chars", RecordedReply.keptChars(raw));
    return invalid(
        ErrorCodes.REPLY_TOO_LARGE,
        "the reply is longer than the limit of "
            + maxChars
            + " characters (it has "
            + raw.length()
            + "); send a shorter reply with less data in the arguments",
        details);
  }

  /** Maps a violated Jackson stream constraint to REPLY_TOO_DEEP or REPLY_TOO_LARGE. */
  DecodeResult constraintViolated(StreamConstraintsException e) {
    String detail = String.valueOf(e.getOriginalMessage());
    if (detail.contains("getMaxNestingDepth")) {
      return invalid(
          ErrorCodes.REPLY_TOO_DEEP,
          "the reply nests objects and arrays deeper than "
              + maxDepth
              + " levels; send flatter arguments",
          Map.of("limit", maxDepth));
    }
    if (detail.contains("getMaxNumberLength")) {
      return invalid(
          ErrorCodes.REPLY_TOO_LARGE,
          "a number in the reply is longer than "
              + ProtocolCodec.MAX_NUMBER_LENGTH
              + " characters; send such values as strings",
          Map.of("limit", ProtocolCodec.MAX_NUMBER_LENGTH));
    }
    // String, name and document limits equal maxChars, which the length check enforces first.
    return invalid(
        ErrorCodes.REPLY_TOO_LARGE,
        "the reply is longer than the limit of "
            + maxChars
            + " characters; send a shorter reply with less data in the arguments",
        Map.of("limit", maxChars));
  }

  /** Maps a syntax error or a duplicate member name. */
  DecodeResult parseError(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    String detail = String.valueOf(e.getOriginalMessage());
    if (detail.startsWith("Duplicate Object property")) {
      String name = e.processor() instanceof JsonParser parser ? parser.currentName() : null;
      Map<String, Object> details = new LinkedHashMap<>();
      if (name != null) {
        details.put("key", Snippet.bounded(name, Snippet.MAX_QUOTED));
      }
      details.putAll(location(where));
      return invalid(
          ErrorCodes.DUPLICATE_KEY,
          "the member "
              + (name == null ? "" : Snippet.quote(name) + " ")
              + "appears twice in one object"
              + at(where)
              + "; send each member once",
          details);
    }
    return invalid(
        ErrorCodes.INVALID_JSON,
        "the reply is not valid JSON" + at(where) + " (" + jacksonReason(detail) + "); " + JSON_FIX,
        location(where));
  }

  /** Keeps Jackson's description of the problem and drops its advice about its own settings. */
  private static String jacksonReason(String detail) {
    String reason = detail;
    for (String hint : JACKSON_ADVICE) {
      int cut = reason.indexOf(hint);
      if (cut > 0) {
        reason = reason.substring(0, cut);
      }
    }
    return Snippet.bounded(reason, 160);
  }

  private static String at(TokenStreamLocation where) {
    return where == null || where.getLineNr() < 1
        ? ""
        : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  private static Map<String, Object> location(TokenStreamLocation where) {
    return where == null || where.getLineNr() < 1
        ? Map.of()
        : ordered("line", where.getLineNr(), "column", where.getColumnNr());
  }

  /**
   * Returns a two-member map that iterates in the given order. {@code Map.of} iterates in an order
   * that changes from one JVM run to the next, and details must encode to the same text every run.
   */
  private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  private static DecodeResult invalid(String code, String message, Map<String, ?> details) {
    return new DecodeResult.Invalid(new Result.Failure(code, message, JsonValue.from(details)));
  }
}
