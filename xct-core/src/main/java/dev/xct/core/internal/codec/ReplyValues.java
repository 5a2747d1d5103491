package dev.xct.core.internal.codec;

import dev.xct.core.JsonValue;
import dev.xct.core.internal.json.JsonText;
import dev.xct.core.internal.json.Snippet;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Rejects what JSON syntax allows but a faithful decision cannot hold: numbers beyond a double's
 * range, integers included, so that every decoded number converts to a double without error; and
 * strings or member names holding unpaired UTF-16 surrogates, which no UTF-8 writer can encode.
 * Both are {@link ErrorCodes#INVALID_JSON}. Stateless and thread-safe.
 */
final class ReplyValues {
  private static final int MAX_POINTER = 120;

  /** A node on the walk; the JSON Pointer is only built when a problem is found. */
  private record Frame(JsonNode node, Frame parent, String name, int index) {
    String pointer() {
      List<String> segments = new ArrayList<>();
      for (Frame f = this; f.parent != null; f = f.parent) {
        segments.add(f.name != null ? Snippet.pointerSegment(f.name) : "/" + f.index);
      }
      StringBuilder out = new StringBuilder();
      for (int i = segments.size() - 1; i >= 0 && out.length() <= MAX_POINTER; i--) {
        out.append(segments.get(i));
      }
      return Snippet.bounded(out.toString(), MAX_POINTER);
    }
  }

  private ReplyValues() {}

  /** Digits in a row beyond which an integer may exceed a double's range (1.8e308). */
  private static final int MAX_SAFE_DIGITS = 300;

  private static final byte OTHER = 0;
  private static final byte DIGIT = 1;
  private static final byte EXPONENT = 2;
  private static final byte BACKSLASH = 3;
  private static final byte SURROGATE = 4;

  /** The kind of each ASCII character for {@link #mayBeUnfaithful}. */
  private static final byte[] KINDS = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      KINDS[c] = DIGIT;
    }
    KINDS['e'] = EXPONENT;
    KINDS['E'] = EXPONENT;
    KINDS['\\'] = BACKSLASH;
  }

  /**
   * Returns false only if the JSON text {@code text} can hold neither problem, so the walk of its
   * tree can be skipped: it has no surrogate character, no escape of one, no number with an
   * exponent and no run of more than {@value #MAX_SAFE_DIGITS} digits. One pass, no allocation;
   * anything doubtful answers true.
   */
  static boolean mayBeUnfaithful(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // One table load decides for ASCII, which is nearly every character: faster than the tests.
      int kind = c < KINDS.length ? KINDS[c] : Character.isSurrogate(c) ? SURROGATE : OTHER;
      if (kind == OTHER) {
        digits = 0;
      } else if (kind == DIGIT) {
        if (++digits > MAX_SAFE_DIGITS) {
          return true;
        }
      } else if (kind == EXPONENT) {
        if (i > 0 && (digits > 0 || text.charAt(i - 1) == '.')) {
          return true;
        }
        digits = 0;
      } else if (kind == SURROGATE || escapesSurrogate(text, i)) {
        return true;
      } else {
        digits = 0; // a backslash that escapes no surrogate
      }
    }
    return false;
  }

  /** Whether an escape of a surrogate (D800 to DFFF) starts at {@code backslash}. */
  private static boolean escapesSurrogate(String text, int backslash) {
    if (backslash + 3 >= text.length() || text.charAt(backslash + 1) != 'u') {
      return false;
    }
    char first = text.charAt(backslash + 2);
    char second = Character.toLowerCase(text.charAt(backslash + 3));
    return (first == 'd' || first == 'D')
        && (second == '8' || second == '9' || (second >= 'a' && second <= 'f'));
  }

  /** Returns why {@code root} cannot be decoded faithfully, or null when it can. */
  static DecodeResult check(JsonNode root) {
    Deque<Frame> pending = new ArrayDeque<>();
    pending.push(new Frame(root, null, null, 0));
    while (!pending.isEmpty()) {
      Frame frame = pending.pop();
      JsonNode node = frame.node();
      if (beyondDouble(node)) {
        return invalid(
            frame, "the number at %s is beyond the range of a double; send it as a string");
      }
      if (unpaired(node)) {
        return unpairedSurrogate(frame);
      }
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          Frame child = new Frame(member.getValue(), frame, member.getKey(), 0);
          if (JsonText.hasLoneSurrogate(member.getKey())) {
            return unpairedSurrogate(child);
          }
          pending.push(child);
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          pending.push(new Frame(node.get(i), frame, null, i));
        }
      }
    }
    return null;
  }

  /**
   * Returns whether {@link #check} finds nothing in {@code node}: the same rules, without the
   * walk's frames, for a reply's arguments on the usual path.
   */
  static boolean faithful(JsonNode node) {
    if (beyondDouble(node) || unpaired(node)) {
      return false;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (JsonText.hasLoneSurrogate(member.getKey()) || !faithful(member.getValue())) {
          return false;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (!faithful(node.get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether {@code node} is a number a double cannot hold. */
  private static boolean beyondDouble(JsonNode node) {
    // Number.doubleValue() saturates to infinity where JsonNode.doubleValue() would throw.
    return node.isNumber()
        && !node.isInt()
        && !node.isLong()
        && !Double.isFinite(node.numberValue().doubleValue());
  }

  /** Whether {@code node} is a string holding an unpaired surrogate. */
  private static boolean unpaired(JsonNode node) {
    return node.isString() && JsonText.hasLoneSurrogate(node.stringValue());
  }

  private static DecodeResult unpairedSurrogate(Frame frame) {
    return invalid(
        frame,
        "the text at %s holds an unpaired UTF-16 surrogate (a lone \\ud800-\\udfff escape);"
            + " send valid Unicode text");
  }

  private static DecodeResult invalid(Frame frame, String template) {
    String pointer = frame.pointer();
    String where = pointer.isEmpty() ? "the top level" : pointer;
    return new DecodeResult.Invalid(
        new Result.Failure(
            ErrorCodes.INVALID_JSON,
            String.format(template, where),
            JsonValue.from(Map.of("pointer", pointer))));
  }
}
