package dev.xct.core.validate;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.validate.ConditionTests;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Tests one value inside a proposal's arguments, located by a JSON Pointer (RFC 6901), as part of a
 * {@link PolicyRule}. A condition is data: a pointer, an {@link Operator} and a JSON operand, so
 * that policies can be written in configuration files as well as in code.
 *
 * <p>Only {@link Operator#ABSENT} holds when the pointer finds nothing; every other operator except
 * {@link Operator#EXISTS} also needs the value to have the right JSON type (a string for {@code
 * GLOB} and {@code REGEX}, a number for the comparisons) and otherwise simply does not hold. JSON
 * {@code null} is a present value. Numbers compare by value, so {@code 1} equals {@code 1.0}.
 *
 * <p>Regular expressions must match the whole value and are compiled once. They are written by the
 * integrator, never by the model, but the value they run against is the model's: avoid nested
 * quantifiers such as {@code (a+)+}, which can take exponential time on a crafted value. Globs
 * cannot: see {@link Glob}.
 *
 * <p>Immutable and thread-safe; equality is by pointer, operator and operand.
 */
public final class Condition {

  /** Names the test a condition applies to the value at its pointer. */
  public enum Operator {
    /** The value is JSON-equal to the operand. */
    EQUALS,
    /** The value is JSON-equal to one element of the operand, a non-empty array. */
    ONE_OF,
    /** The value is a string matching the operand, a glob (see {@link Glob#of(String)}). */
    GLOB,
    /** The value is a string that the operand, a Java regular expression, matches entirely. */
    REGEX,
    /** The pointer finds a value (possibly JSON {@code null}); the operand is JSON null. */
    EXISTS,
    /** The pointer finds nothing; the operand is JSON null. */
    ABSENT,
    /** The value is a number less than the operand. */
    LT,
    /** The value is a number less than or equal to the operand. */
    LE,
    /** The value is a number greater than the operand. */
    GT,
    /** The value is a number greater than or equal to the operand. */
    GE
  }

  private final String pointer;
  private final Operator operator;
  private final JsonValue operand;
  private final JsonPointer compiledPointer;
  private final Predicate<JsonNode> test;

  private Condition(String pointer, Operator operator, JsonValue operand) {
    this.compiledPointer = ConditionTests.pointer(pointer);
    this.pointer = pointer;
    this.operator = Objects.requireNonNull(operator, "operator");
    this.operand = Objects.requireNonNull(operand, "operand");
    this.test = ConditionTests.compile(operator, operand);
  }

  /**
   * Returns the condition that {@code operator} with {@code operand} holds for the value at {@code
   * pointer}; the form a configuration loader uses.
   *
   * @throws XctException if the pointer is malformed, or the operand does not suit the operator
   *     (for example a regular expression that does not compile)
   */
  public static Condition of(String pointer, Operator operator, JsonValue operand) {
    return new Condition(pointer, operator, operand);
  }

  /**
   * Starts a condition on the value at {@code pointer}, such as {@code /argv/0}; {@code ""} is the
   * whole arguments object.
   *
   * @throws XctException if the pointer is malformed
   */
  public static Subject at(String pointer) {
    ConditionTests.pointer(pointer);
    return new Subject(pointer);
  }

  /** Returns the JSON Pointer into the arguments. */
  public String pointer() {
    return pointer;
  }

  /** Returns the test applied to the value found there. */
  public Operator operator() {
    return operator;
  }

  /** Returns the operand, JSON null for {@code EXISTS} and {@code ABSENT}. */
  public JsonValue operand() {
    return operand;
  }

  /** Returns whether the condition holds for {@code arguments}. */
  public boolean holds(JsonValue arguments) {
    JsonNode value = ConditionTests.resolve(arguments, compiledPointer);
    if (operator == Operator.ABSENT) {
      return value.isMissingNode();
    }
    return !value.isMissingNode() && test.test(value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Condition that
        && pointer.equals(that.pointer)
        && operator == that.operator
        && operand.equals(that.operand);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pointer, operator, operand);
  }

  /** Returns the condition as {@code pointer OPERATOR operand}, for logs and messages. */
  @Override
  public String toString() {
    return operand.isNull() ? pointer + " " + operator : pointer + " " + operator + " " + operand;
  }

  /**
   * Builds a {@link Condition} on one pointer: {@code Condition.at("/argv/0").equalsTo("rm")}.
   * Immutable and thread-safe.
   */
  public static final class Subject {
    private final String pointer;

    private Subject(String pointer) {
      this.pointer = pointer;
    }

    /** Holds when the value is JSON-equal to {@code value} (a string, number, map, list...). */
    public Condition equalsTo(Object value) {
      return of(pointer, Operator.EQUALS, json(value));
    }

    /**
     * Holds when the value is JSON-equal to one of {@code values}.
     *
     * @throws XctException if no value is given
     */
    public Condition oneOf(Object... values) {
      return of(pointer, Operator.ONE_OF, JsonValue.from(Arrays.asList(values)));
    }

    /**
     * Holds when the value is a string that {@code glob} matches entirely, in the dialect of {@link
     * Glob#of(String)}: {@code *} and {@code ?} within a {@code /}-separated segment, {@code **}
     * across, {@code {a,b}} alternatives, a backslash before a special character. The match is
     * textual: {@code /srv/**} matches {@code /srv/../etc/passwd}, so leave path confinement to the
     * tool.
     *
     * @throws XctException if the glob is empty or malformed; the message quotes it
     */
    public Condition glob(String glob) {
      return of(pointer, Operator.GLOB, JsonValue.from(Objects.requireNonNull(glob, "glob")));
    }

    /**
     * Holds when the value is a string that {@code regex} matches entirely.
     *
     * @throws XctException if the expression does not compile
     */
    public Condition matches(String regex) {
      return of(pointer, Operator.REGEX, JsonValue.from(Objects.requireNonNull(regex, "regex")));
    }

    /** Holds when there is a value, even JSON null. */
    public Condition exists() {
      return of(pointer, Operator.EXISTS, JsonValue.nullValue());
    }

    /** Holds when there is no value. */
    public Condition absent() {
      return of(pointer, Operator.ABSENT, JsonValue.nullValue());
    }

    /** Holds when the value is a number less than {@code bound}. */
    public Condition lessThan(Number bound) {
      return of(pointer, Operator.LT, number(bound));
    }

    /** Holds when the value is a number less than or equal to {@code bound}. */
    public Condition atMost(Number bound) {
      return of(pointer, Operator.LE, number(bound));
    }

    /** Holds when the value is a number greater than {@code bound}. */
    public Condition greaterThan(Number bound) {
      return of(pointer, Operator.GT, number(bound));
    }

    /** Holds when the value is a number greater than or equal to {@code bound}. */
    public Condition atLeast(Number bound) {
      return of(pointer, Operator.GE, number(bound));
    }

    private static JsonValue json(Object value) {
      return value == null ? JsonValue.nullValue() : JsonValue.from(value);
    }

    private static JsonValue number(Number bound) {
      return JsonValue.from(Objects.requireNonNull(bound, "bound"));
    }
  }
}
