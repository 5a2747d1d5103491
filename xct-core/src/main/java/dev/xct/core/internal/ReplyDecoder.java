package dev.xct.core.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.protocol.Result;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a model reply as exactly one JSON value within the configured limits, then hands it to
 * {@link ReplyShape}. Size, depth, string, name and number limits are Jackson {@link
 * StreamReadConstraints}; duplicate keys are Jackson's strict duplicate detection; after the parse,
 * one pass rejects what JSON allows but a faithful decision cannot hold (numbers beyond a double's
 * range, unpaired surrogates). Never throws. Immutable and thread-safe.
 */
public final class ReplyDecoder {
  private static final int MAX_POINTER = 120;
  private static final Pattern FENCE =
      Pattern.compile("\\A\\s*```(?i:json)?[ \\t]*\\r?\\n(.*?)\\r?\\n?```\\s*\\z", Pattern.DOTALL);
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

  private static final Logger LOG = LoggerFactory.getLogger(ReplyDecoder.class);

  private final int maxChars;
  private final int maxDepth;
  private final boolean stripCodeFence;
  private final ObjectReader reader;

  /** Creates a decoder with the given limits; the caller has validated them. */
  public ReplyDecoder(int maxChars, int maxDepth, boolean stripCodeFence) {
    this.maxChars = maxChars;
    this.maxDepth = maxDepth;
    this.stripCodeFence = stripCodeFence;
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(maxDepth)
            .maxDocumentLength(maxChars)
            .maxStringLength(maxChars)
            .maxNameLength(maxChars)
            .maxNumberLength(ProtocolCodec.MAX_NUMBER_LENGTH)
            .build();
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(limits)
            // Jackson's own messages quote tokens; keep those fragments short.
            .errorReportConfiguration(
                ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(Snippet.MAX_QUOTED)
                    .maxRawContentLength(0)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    // Trailing content is checked by hand after the value so that it gets its own message.
    this.reader =
        JsonMapper.builder(factory)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();
  }

  /** Decodes {@code raw}; never throws. */
  public DecodeResult decode(String raw) {
    if (raw == null || raw.isBlank()) {
      return invalid(ErrorCodes.EMPTY_REPLY, "the reply was empty; " + ReplyShape.SHAPES, Map.of());
    }
    if (raw.length() > maxChars) {
      return tooLarge(raw.length());
    }
    // RFC 8259 lets a parser ignore a byte order mark; the model cannot see or remove one.
    String text = raw.charAt(0) == '\uFEFF' ? raw.substring(1) : raw;
    if (stripCodeFence) {
      Matcher fence = FENCE.matcher(text);
      if (fence.matches()) {
        text = fence.group(1);
        if (text.isBlank()) {
          return invalid(
              ErrorCodes.EMPTY_REPLY, "the code fence was empty; " + ReplyShape.SHAPES, Map.of());
        }
      }
    } else if (text.strip().startsWith("```")) {
      return invalid(
          ErrorCodes.INVALID_JSON,
          "the reply is wrapped in a markdown code fence; send the bare JSON object, without ```"
              + " and without any text around it",
          Map.of());
    }
    try (JsonParser parser = reader.createParser(text)) {
      JsonNode root = reader.readTree(parser);
      if (root == null || root.isMissingNode()) {
        return invalid(
            ErrorCodes.EMPTY_REPLY, "the reply was empty; " + ReplyShape.SHAPES, Map.of());
      }
      DecodeResult trailing = trailingContent(parser);
      if (trailing != null) {
        return trailing;
      }
      DecodeResult unfaithful = unfaithfulValue(root);
      return unfaithful != null ? unfaithful : ReplyShape.decode(root);
    } catch (StreamConstraintsException e) {
      return constraintViolated(e);
    } catch (JacksonException e) {
      return parseError(e);
    } catch (RuntimeException e) {
      // Defence in depth: a bug in the parser must not end the run.
      LOG.warn("unexpected failure while decoding a model reply", e);
      return invalid(ErrorCodes.INVALID_JSON, "the reply could not be read; " + JSON_FIX, Map.of());
    }
  }

  private static DecodeResult trailingContent(JsonParser parser) {
    TokenStreamLocation end = parser.currentLocation();
    boolean more;
    try {
      more = parser.nextToken() != null;
    } catch (JacksonException e) {
      more = true; // whatever follows the value is wrong, readable or not
    }
    if (!more) {
      return null;
    }
    return invalid(
        ErrorCodes.INVALID_JSON,
        "the reply continues after the JSON object ends"
            + at(end)
            + "; send exactly one JSON object and nothing after it",
        location(end));
  }

  /**
   * Rejects numbers beyond a double's range, integers included (so every decoded number converts to
   * a double without error), and strings or names holding unpaired surrogates.
   */
  private static DecodeResult unfaithfulValue(JsonNode root) {
    Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
    pending.push(Map.entry("", root));
    while (!pending.isEmpty()) {
      Map.Entry<String, JsonNode> entry = pending.pop();
      String pointer = entry.getKey();
      JsonNode node = entry.getValue();
      // Number.doubleValue() saturates to infinity where JsonNode.doubleValue() would throw.
      if (node.isNumber() && !Double.isFinite(node.numberValue().doubleValue())) {
        return invalid(
            ErrorCodes.INVALID_JSON,
            "the number at "
                + pointerText(pointer)
                + " is too large to represent; send it as a"
                + " string",
            Map.of("pointer", Snippet.bounded(pointer, MAX_POINTER)));
      }
      if (node.isString() && hasUnpairedSurrogate(node.stringValue())) {
        return unpairedSurrogate(pointer);
      }
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          String child = pointer + Snippet.pointerSegment(member.getKey());
          if (hasUnpairedSurrogate(member.getKey())) {
            return unpairedSurrogate(child);
          }
          pending.push(Map.entry(child, member.getValue()));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          pending.push(Map.entry(pointer + "/" + i, node.get(i)));
        }
      }
    }
    return null;
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static DecodeResult unpairedSurrogate(String pointer) {
    return invalid(
        ErrorCodes.INVALID_JSON,
        "the text at "
            + pointerText(pointer)
            + " holds an unpaired UTF-16 surrogate (a lone \\ud800-\\udfff escape); send valid"
            + " Unicode text",
        Map.of("pointer", Snippet.bounded(pointer, MAX_POINTER)));
  }

  private DecodeResult constraintViolated(StreamConstraintsException e) {
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
    return tooLarge(-1);
  }

  private DecodeResult tooLarge(int length) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (length >= 0) {
      details.put("length", length);
    }
    details.put("limit", maxChars);
    return invalid(
        ErrorCodes.REPLY_TOO_LARGE,
        "the reply is longer than the limit of "
            + maxChars
            + " characters"
            + (length >= 0 ? " (it has " + length + ")" : "")
            + "; send a shorter reply with less data in the arguments",
        details);
  }

  private static DecodeResult parseError(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    String detail = String.valueOf(e.getOriginalMessage());
    if (detail.startsWith("Duplicate Object property")
        && e.processor() instanceof JsonParser parser) {
      String name = parser.currentName();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("key", name == null ? "" : Snippet.bounded(name, Snippet.MAX_QUOTED));
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
        : Map.of("line", where.getLineNr(), "column", where.getColumnNr());
  }

  private static String pointerText(String pointer) {
    return pointer.isEmpty() ? "the top level" : Snippet.bounded(pointer, MAX_POINTER);
  }

  private static DecodeResult invalid(String code, String message, Map<String, ?> details) {
    return new DecodeResult.Invalid(new Result.Failure(code, message, JsonValue.from(details)));
  }
}
