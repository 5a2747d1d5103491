package dev.xct.core.event;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.internal.event.KeyRedactor;
import java.util.List;
import java.util.Objects;

/**
 * Masks secrets in the values the loop records: tool arguments, results, error details and the
 * model's raw replies. The loop applies it to every event before the journal, listeners (and so the
 * JSON Lines writer) and the loop's own logs see it; the tool itself always gets the real arguments
 * and the model the real results. What a redactor removes is gone from the record for good: a run
 * resumed from its journal shows the model the masked values of earlier steps, and a call whose
 * recorded arguments were masked is never re-run on resume.
 *
 * <p>Implementations must be pure and thread-safe.
 */
@FunctionalInterface
public interface Redactor {
  /** The string that replaces every masked value. */
  String MASK = "[REDACTED]";

  /** Returns {@code value} with secrets replaced by {@link #MASK}; the same instance if none. */
  JsonValue redact(JsonValue value);

  /**
   * Returns free text (a model reply, a task) with secrets masked. The default redacts text that is
   * one JSON value and returns other text unchanged; {@link #defaults()} also masks {@code "key":
   * "value"} pairs in text that does not parse.
   */
  default String redactText(String text) {
    JsonValue parsed;
    try {
      parsed = JsonValue.parse(text);
    } catch (XctException e) {
      return text;
    }
    JsonValue redacted = redact(parsed);
    return redacted.equals(parsed) ? text : redacted.toJson();
  }

  /**
   * Returns the default redactor: it masks the value of every object member whose name, ignoring
   * case and punctuation, is or ends with one of {@code password}, {@code passwd}, {@code
   * passphrase}, {@code secret}, {@code token}, {@code apikey}, {@code accesskey}, {@code
   * privatekey}, {@code authorization}, {@code cookie}, {@code credential}, {@code credentials} or
   * {@code sessionid} (so {@code api_key}, {@code X-Api-Key}, {@code db_password} and {@code
   * refresh_token} are masked, {@code max_tokens} is not).
   */
  static Redactor defaults() {
    return KeyRedactor.DEFAULT;
  }

  /**
   * Returns a redactor for the given member names, matched like {@link #defaults()}.
   *
   * @throws XctException if no name is given or a name has no letter or digit
   */
  static Redactor keys(String... names) {
    Objects.requireNonNull(names, "names");
    return new KeyRedactor(List.of(names));
  }

  /** Returns a redactor that masks nothing. */
  static Redactor none() {
    return KeyRedactor.NONE;
  }

  /** Returns whether {@link #MASK} appears as a string anywhere in {@code value}. */
  static boolean isRedacted(JsonValue value) {
    return KeyRedactor.containsMask(value);
  }
}
