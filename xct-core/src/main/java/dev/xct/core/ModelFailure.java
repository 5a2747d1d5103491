package dev.xct.core;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Describes why the model client failed, ending a run {@link RunStatus#MODEL_FAILED}: what it threw
 * (class name and message) and, when that exception or one of its causes is an {@link
 * EndpointFailure}, the HTTP status and {@code Retry-After} the model's endpoint answered with. A
 * 429 thus reaches the caller as {@code status() == 429} and the wait it asked for.
 *
 * <p>{@link RunResult#failure()} of a live run carries the exception itself as {@link #cause()};
 * the {@link dev.xct.core.event.RunEvent.RunEnded} event, the journal and a result read back from
 * it never do (an exception is not data): there the message is redacted like all recorded text.
 *
 * <p>Immutable and thread-safe, save for the cause, which is what the client threw. Equal failures
 * have the same cause instance, or none.
 *
 * @param type the fully qualified class name of what the client threw
 * @param message its message; empty when it had none
 * @param status the endpoint's HTTP status (100–599), if known
 * @param retryAfter how long the endpoint asked the caller to wait before trying again, if it said;
 *     kept to the microsecond, as the journal keeps it, and at most {@link Long#MAX_VALUE}
 *     microseconds
 * @param cause what the client threw; present only on the result of a live run
 */
public record ModelFailure(
    String type,
    String message,
    OptionalInt status,
    Optional<Duration> retryAfter,
    Optional<Throwable> cause) {
  /**
   * The most characters {@link #of} keeps of the message; the rest (an HTML error page, a whole
   * response body) is replaced by a note of the full length.
   */
  public static final int MAX_MESSAGE_CHARS = 4096;

  private static final int MAX_CAUSES = 32;

  /** The longest wait a failure holds, Long.MAX_VALUE microseconds (some 292,000 years). */
  private static final Duration MAX_WAIT =
      ChronoUnit.MICROS.getDuration().multipliedBy(Long.MAX_VALUE);

  /**
   * @throws NullPointerException if a component is null
   * @throws XctException if {@code type} is blank, {@code status} is outside 100–599 or {@code
   *     retryAfter} is negative or longer than {@link Long#MAX_VALUE} microseconds
   */
  public ModelFailure {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(cause, "cause");
    if (type.isBlank()) {
      throw new XctException("a model failure's type must not be blank");
    }
    if (status.isPresent() && !isStatus(status.getAsInt())) {
      throw new XctException("not an HTTP status: " + status.getAsInt());
    }
    if (retryAfter.isPresent()
        && (retryAfter.get().isNegative() || retryAfter.get().compareTo(MAX_WAIT) > 0)) {
      throw new XctException("not a retry-after wait: " + retryAfter.get());
    }
    retryAfter = retryAfter.map(wait -> wait.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Returns the failure for what a model client threw: its class name and message (cut to its first
   * {@value #MAX_MESSAGE_CHARS} characters, with a note of its length), and the status and wait of
   * the first {@link EndpointFailure} among it and its causes (a wait too long to hold is cut to
   * the longest). Never throws for a misbehaving exception: what cannot be read, an invalid status
   * or a negative wait, is left out.
   *
   * @throws NullPointerException if {@code thrown} is null
   */
  public static ModelFailure of(Throwable thrown) {
    Objects.requireNonNull(thrown, "thrown");
    OptionalInt status = OptionalInt.empty();
    Optional<Duration> retryAfter = Optional.empty();
    EndpointFailure endpoint = endpoint(thrown);
    if (endpoint != null) {
      OptionalInt said = read(endpoint::status);
      if (said != null && said.isPresent() && isStatus(said.getAsInt())) {
        status = said;
      }
      Optional<Duration> wait = read(endpoint::retryAfter);
      if (wait != null && wait.isPresent() && !wait.get().isNegative()) {
        retryAfter = wait.get().compareTo(MAX_WAIT) > 0 ? Optional.of(MAX_WAIT) : wait;
      }
    }
    String message = read(thrown::getMessage);
    return new ModelFailure(
        thrown.getClass().getName(),
        message == null ? "" : bounded(message),
        status,
        retryAfter,
        Optional.of(thrown));
  }

  /** Returns this failure without its cause: the part that is recorded. */
  public ModelFailure withoutCause() {
    return cause.isEmpty()
        ? this
        : new ModelFailure(type, message, status, retryAfter, Optional.empty());
  }

  /** Returns {@code message} cut to its first characters, never half a surrogate pair. */
  private static String bounded(String message) {
    if (message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    int kept =
        Character.isHighSurrogate(message.charAt(MAX_MESSAGE_CHARS - 1))
            ? MAX_MESSAGE_CHARS - 1
            : MAX_MESSAGE_CHARS;
    return message.substring(0, kept) + "… (" + message.length() + " characters in all)";
  }

  private static EndpointFailure endpoint(Throwable thrown) {
    Throwable next = thrown;
    for (int i = 0; i < MAX_CAUSES && next != null; i++) {
      if (next instanceof EndpointFailure endpoint) {
        return endpoint;
      }
      next = read(next::getCause);
    }
    return null;
  }

  private static boolean isStatus(int status) {
    return status >= 100 && status <= 599;
  }

  /** Returns what {@code reader} returns, or null if it throws: the client's code is not ours. */
  private static <T> T read(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
