package dev.xct.core.internal.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.Json;
import dev.xct.core.validate.Condition.Operator;
import dev.xct.core.validate.Glob;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the checks behind {@link dev.xct.core.validate.Condition}: pointers, globs and regular
 * expressions are parsed once, and every returned predicate is immutable and thread-safe.
 */
public final class ConditionTests {
  /** Orders numbers by value (so {@code 1} equals {@code 1.0}); anything else by plain equality. */
  private static final Comparator<JsonNode> NUMERIC_AWARE =
      (a, b) -> {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        if (x != null && y != null) {
          return x.compareTo(y);
        }
        return a.equals(b) ? 0 : 1;
      };

  private ConditionTests() {}

  /**
   * Compiles an RFC 6901 JSON Pointer.
   *
   * @throws XctException if it is not a valid pointer
   */
  public static JsonPointer pointer(String pointer) {
    if (pointer == null || !(pointer.isEmpty() || pointer.startsWith("/"))) {
      throw new XctException("JSON pointer must be empty or start with '/', was: " + pointer);
    }
    for (int i = pointer.indexOf('~'); i >= 0; i = pointer.indexOf('~', i + 1)) {
      if (i + 1 == pointer.length()
          || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1')) {
        throw new XctException("JSON pointer '" + pointer + "' has '~' not followed by 0 or 1");
      }
    }
    return JsonPointer.compile(pointer);
  }

  /** Returns the node at {@code pointer} in {@code arguments}, or a missing node. */
  public static JsonNode resolve(JsonValue arguments, JsonPointer pointer) {
    return Json.node(arguments).at(pointer);
  }

  /**
   * Compiles the test that a present value must pass; {@code EXISTS} and {@code ABSENT} are handled
   * by the caller, which sees missing values.
   *
   * @throws XctException if the operand does not suit the operator
   */
  public static Predicate<JsonNode> compile(Operator operator, JsonValue operand) {
    JsonNode expected = Json.node(operand);
    switch (operator) {
      case EQUALS:
        return actual -> actual.equals(NUMERIC_AWARE, expected);
      case ONE_OF:
        if (!expected.isArray() || expected.isEmpty()) {
          throw new XctException("oneOf needs a non-empty JSON array, was: " + operand);
        }
        List<JsonNode> options = new ArrayList<>();
        expected.forEach(options::add);
        return actual -> options.stream().anyMatch(option -> actual.equals(NUMERIC_AWARE, option));
      case GLOB:
        Glob glob = Glob.of(string(operator, expected, operand));
        return actual -> actual.isString() && glob.matches(actual.stringValue());
      case REGEX:
        Pattern regex = regex(string(operator, expected, operand));
        return actual -> actual.isString() && regex.matcher(actual.stringValue()).matches();
      case EXISTS:
      case ABSENT:
        if (!expected.isNull()) {
          throw new XctException(operator + " takes no operand, was: " + operand);
        }
        return actual -> true;
      case LT:
        return numeric(operator, expected, operand, c -> c < 0);
      case LE:
        return numeric(operator, expected, operand, c -> c <= 0);
      case GT:
        return numeric(operator, expected, operand, c -> c > 0);
      case GE:
        return numeric(operator, expected, operand, c -> c >= 0);
      default:
        throw new XctException("unknown operator " + operator);
    }
  }

  private static String string(Operator operator, JsonNode expected, JsonValue operand) {
    if (!expected.isString()) {
      throw new XctException(operator + " needs a JSON string operand, was: " + operand);
    }
    return expected.stringValue();
  }

  private static Pattern regex(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new XctException(
          "invalid regular expression '" + regex + "': " + e.getDescription(), e);
    }
  }

  private static Predicate<JsonNode> numeric(
      Operator operator, JsonNode expected, JsonValue operand, IntPredicate accept) {
    BigDecimal bound = decimal(expected);
    if (bound == null) {
      throw new XctException(operator + " needs a finite JSON number operand, was: " + operand);
    }
    return actual -> {
      BigDecimal value = decimal(actual);
      return value != null && accept.test(value.compareTo(bound));
    };
  }

  /** Returns the exact value of a finite number node, or null for anything else (NaN included). */
  private static BigDecimal decimal(JsonNode node) {
    // decimalValueOpt() is empty for NaN and the infinities, which JSON text cannot express.
    return node.isNumber() ? node.decimalValueOpt().orElse(null) : null;
  }
}
