package dev.xct.core.protocol;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.json.JsonConverter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Holds what the system tells the model about one step: success with a result, or a structured
 * error. Errors are information for the model, never exceptions that end the run.
 *
 * <p>Values are immutable and validated at construction. Thread-safe.
 */
public sealed interface Result permits Result.Success, Result.Failure {

  /** The pattern every error code matches: upper-case words joined by underscores. */
  Pattern CODE_PATTERN = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  /**
   * Returns a success whose result is {@code value} converted to JSON: a JSON-like value (null, a
   * string, number, boolean, enum or {@code java.time} value, a {@code JsonValue} or {@code
   * JsonNode}, or a map with string keys, collection, array, optional or record of those); see
   * {@link JsonValue#from} for the exact rules.
   *
   * @throws XctException naming the path and type of a value that is not JSON-like, such as {@code
   *     result.items[2].owner: java.lang.Thread has no JSON form}
   */
  static Success success(Object value) {
    return new Success(JsonConverter.convert(value, "result"));
  }

  /** Returns a failure without details. */
  static Failure failure(String code, String message) {
    return new Failure(code, message, JsonValue.emptyObject());
  }

  /**
   * Returns a failure whose details are {@code details} converted to JSON as {@link
   * #success(Object)} converts a result; they must become an object (a map or a record).
   *
   * @throws XctException if the code does not match {@link #CODE_PATTERN}, or the details are not
   *     JSON-like (the message names the path and type, such as {@code details.file: java.io.File
   *     has no JSON form}) or not an object
   */
  static Failure failure(String code, String message, Object details) {
    return new Failure(code, message, JsonConverter.convert(details, "details"));
  }

  /** Returns whether this is a {@link Success}. */
  default boolean isSuccess() {
    return this instanceof Success;
  }

  /**
   * A step that ran and produced a result.
   *
   * @param result the tool's output, any JSON value
   */
  record Success(JsonValue result) implements Result {
    /**
     * @throws NullPointerException if {@code result} is null
     */
    public Success {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * A step that did not succeed, for whatever reason: the reply did not parse, a validator denied
   * it, or the tool failed.
   *
   * @param code stable machine-readable code matching {@link #CODE_PATTERN}, see {@link ErrorCodes}
   * @param message a human- and model-readable explanation
   * @param details structured context, always a JSON object (empty when there is none)
   */
  record Failure(String code, String message, JsonValue details) implements Result {
    /**
     * @throws XctException if the code does not match {@link #CODE_PATTERN} or the details are not
     *     an object
     */
    public Failure {
      if (code == null || !CODE_PATTERN.matcher(code).matches()) {
        throw new XctException("error code must match " + CODE_PATTERN + ", was: " + code);
      }
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(details, "details");
      if (!details.isObject()) {
        throw new XctException("error details must be a JSON object, was: " + details);
      }
    }
  }
}
