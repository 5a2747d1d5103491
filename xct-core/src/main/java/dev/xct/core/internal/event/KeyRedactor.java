package dev.xct.core.internal.event;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.event.Redactor;
import dev.xct.core.internal.json.Json;
import dev.xct.core.protocol.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Masks members by name: a name matches if, normalised, it equals or ends with a listed name. */
public final class KeyRedactor implements Redactor {
  /**
   * Every member name a decision's JSON can hold outside its arguments (before DEFAULT uses it).
   */
  private static final List<String> PROTOCOL_NAMES =
      List.of("next_step", "tool", "arguments", "goal", "done", "message");

  /** The default names; see {@link Redactor#defaults()}. */
  public static final KeyRedactor DEFAULT =
      new KeyRedactor(
          List.of(
              "password",
              "passwd",
              "passphrase",
              "secret",
              "token",
              "apikey",
              "accesskey",
              "privatekey",
              "authorization",
              "cookie",
              "credential",
              "credentials",
              "sessionid"));

  /** Masks nothing. */
  public static final KeyRedactor NONE = new KeyRedactor();

  private final List<String> names;
  private final MemberNames matcher;
  private final boolean protocolNamesMatch;

  private KeyRedactor() {
    this.names = List.of();
    this.matcher = null;
    this.protocolNamesMatch = false;
  }

  /** Masks members whose normalised name is or ends with one of {@code names}. */
  public KeyRedactor(List<String> names) {
    if (names.isEmpty()) {
      throw new XctException("a redactor needs at least one member name");
    }
    List<String> normalised = new ArrayList<>();
    for (String name : names) {
      String n = MemberNames.normalise(name);
      if (n.isEmpty()) {
        throw new XctException("redacted member name '" + name + "' has no letter or digit");
      }
      normalised.add(n);
    }
    this.names = List.copyOf(normalised);
    this.matcher = new MemberNames(this.names);
    this.protocolNamesMatch = PROTOCOL_NAMES.stream().anyMatch(matcher::matches);
  }

  @Override
  public JsonValue redact(JsonValue value) {
    if (names.isEmpty()) {
      return value;
    }
    JsonNode node = Json.node(value);
    JsonNode redacted = redact(node);
    return redacted == node ? value : Json.adopt(redacted);
  }

  @Override
  public String redactText(String text) {
    if (names.isEmpty() || !mayMatch(text)) {
      return text;
    }
    String json = Redactor.super.redactText(text);
    if (!json.equals(text)) {
      return json;
    }
    return maskPairs(text);
  }

  /**
   * Returns {@link #redactText(String)} of a model reply's {@code text}, given the {@code decision}
   * the codec decoded from it, without scanning the text when it cannot change it. A decoded reply
   * is one JSON value (at most inside a code fence or after a byte order mark, which hold no
   * quotes), so without a backslash its member names are, character for character, the protocol's
   * and those inside the arguments: if none of them matches, neither the JSON path nor the
   * name-and-value scan of {@link #redactText} would mask anything. Any doubt takes the full path.
   */
  public String redactDecodedText(String text, Decision decision) {
    if (names.isEmpty()) {
      return text;
    }
    if (protocolNamesMatch
        || text.indexOf('\\') >= 0
        || (decision instanceof Decision.Proposal proposal
            && anyNameMatches(Json.node(proposal.arguments())))) {
      return redactText(text);
    }
    return text;
  }

  private boolean anyNameMatches(JsonNode node) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (matcher.matches(member.getKey()) || anyNameMatches(member.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        if (anyNameMatches(child)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Masks {@code "name": "value"} pairs with a matching name in text that is not JSON. A linear
   * scan, not a regular expression: model output is hostile and may be megabytes long.
   */
  private String maskPairs(String text) {
    StringBuilder out = null;
    int copied = 0;
    int i = text.indexOf('"');
    while (i >= 0) {
      int nameEnd = stringEnd(text, i);
      if (nameEnd < 0) {
        break;
      }
      int j = skipSpace(text, nameEnd + 1);
      if (j < text.length() && text.charAt(j) == ':') {
        int valueStart = skipSpace(text, j + 1);
        if (valueStart < text.length() && text.charAt(valueStart) == '"') {
          int valueEnd = stringEnd(text, valueStart);
          if (valueEnd < 0) {
            // A reply cut off inside a secret (OUTPUT_TRUNCATED) still hides what was sent of it.
            if (matcher.matches(text, i + 1, nameEnd)) {
              out = out == null ? new StringBuilder(text.length()) : out;
              out.append(text, copied, valueStart + 1).append(MASK);
              copied = text.length();
            }
            break;
          }
          if (matcher.matches(text, i + 1, nameEnd)) {
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, valueStart + 1).append(MASK);
            copied = valueEnd;
          }
          i = text.indexOf('"', valueEnd + 1);
          continue;
        }
      }
      i = text.indexOf('"', nameEnd + 1);
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * Returns false only if no member name in {@code text} can match, so neither the JSON path nor
   * {@link #maskPairs} would change it: a linear scan without allocation that spares the loop a
   * parse of every reply. Text with a backslash may hide a name in escapes, so it always may match.
   */
  private boolean mayMatch(String text) {
    if (text.indexOf('\\') >= 0) {
      return true;
    }
    int open = text.indexOf('"');
    while (open >= 0) {
      int close = text.indexOf('"', open + 1);
      if (close < 0) {
        return false;
      }
      int next = skipSpace(text, close + 1);
      if (next < text.length()
          && text.charAt(next) == ':'
          && matcher.matches(text, open + 1, close)) {
        return true;
      }
      open = text.indexOf('"', close + 1);
    }
    return false;
  }

  /** Returns the index of the quote closing the string that opens at {@code open}, or -1. */
  private static int stringEnd(String text, int open) {
    for (int k = open + 1; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '"') {
        return k;
      }
    }
    return -1;
  }

  private static int skipSpace(String text, int from) {
    int k = from;
    while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return k;
  }

  /** Returns a redacted copy of {@code node}, or {@code node} itself if nothing matched. */
  private JsonNode redact(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        JsonNode child = member.getValue();
        JsonNode replaced =
            matcher.matches(member.getKey())
                ? Json.MAPPER.getNodeFactory().stringNode(MASK)
                : redact(child);
        if (replaced != child && !replaced.equals(child)) {
          if (copy == null) {
            copy = ((ObjectNode) node).deepCopy();
          }
          copy.set(member.getKey(), replaced);
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode child = node.get(i);
        JsonNode replaced = redact(child);
        if (replaced != child) {
          if (copy == null) {
            copy = ((ArrayNode) node).deepCopy();
          }
          copy.set(i, replaced);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  /** Returns whether {@link Redactor#MASK} appears as a string anywhere in {@code value}. */
  public static boolean containsMask(JsonValue value) {
    return containsMask(Json.node(value));
  }

  private static boolean containsMask(JsonNode node) {
    if (node.isString()) {
      return MASK.equals(node.stringValue());
    }
    for (JsonNode child : node) {
      if (containsMask(child)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "KeyRedactor" + names;
  }
}
