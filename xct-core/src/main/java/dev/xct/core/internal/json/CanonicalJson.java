package dev.xct.core.internal.json;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Writes the canonical text of a JSON tree: compact, object members sorted by name (UTF-16 code
 * units, as RFC 8785 does) at every depth, and every number in one normal form of its mathematical
 * value, so {@code 1}, {@code 1.0}, {@code 1.00} and {@code 1e0} all read {@code 1}.
 *
 * <p>Two trees have the same canonical text exactly when they are the same JSON value, which is
 * what {@link dev.xct.core.JsonValue#equals} and {@link dev.xct.core.validate.ActionDigest} rely
 * on.
 */
public final class CanonicalJson {
  /** Integers with more digits than this are written in BigDecimal's scientific form instead. */
  private static final int MAX_PLAIN_DIGITS = 100;

  private CanonicalJson() {}

  /** Returns the canonical text of {@code node}. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = Json.MAPPER.createGenerator(out)) {
      write(node, generator);
    }
    return out.toString();
  }

  /**
   * Returns the normal form of a number: an integral value of at most {@value #MAX_PLAIN_DIGITS}
   * digits as plain digits, anything else as {@link BigDecimal#toString()} of the value with
   * trailing zeros stripped (which is unique per value). Plain digits are never produced for huge
   * exponents, so {@code 1e999999999} cannot make this allocate a billion characters.
   */
  static String number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.signum() == 0) {
      return "0";
    }
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= MAX_PLAIN_DIGITS) {
      return stripped.toBigIntegerExact().toString();
    }
    return stripped.toString();
  }

  private static void write(JsonNode node, JsonGenerator out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      Collections.sort(members, Map.Entry.comparingByKey());
      out.writeStartObject();
      for (Map.Entry<String, JsonNode> member : members) {
        out.writeName(member.getKey());
        write(member.getValue(), out);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node.values()) {
        write(element, out);
      }
      out.writeEndArray();
    } else if (node.isNumber()) {
      writeNumber(node, out);
    } else {
      out.writeTree(node);
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator out) {
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      // Not JSON; only a tree built outside JsonValue's checks can hold it. Mirror toJson().
      out.writeString(String.valueOf(node.doubleValue()));
      return;
    }
    // A float's decimalValue() widens it to double first (0.1f -> 0.100000001490116...); its own
    // shortest decimal form is what toJson() writes and what the author meant.
    BigDecimal value =
        node.isFloat() ? new BigDecimal(Float.toString(node.floatValue())) : node.decimalValue();
    out.writeNumber(number(value));
  }
}
