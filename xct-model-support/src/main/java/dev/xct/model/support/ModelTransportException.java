package dev.xct.model.support;

import dev.xct.core.EndpointFailure;
import dev.xct.core.XctException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Signals that no reply could be had from the model's endpoint: an HTTP error status, a timeout, a
 * dropped or refused connection, or a response that is not a chat completion. The loop ends the run
 * with {@code MODEL_FAILED} (a model that answered badly is a {@link ModelFault} instead, and the
 * run goes on), unless the call was abandoned because the run was cancelled or out of time.
 *
 * <p>The message names the endpoint's status and its own error message, with the API key removed
 * should the endpoint echo it; headers are never included. As an {@link EndpointFailure} it hands
 * its status and {@code Retry-After} to the run's {@link dev.xct.core.ModelFailure}, so a caller
 * sees them on {@link dev.xct.core.RunResult#failure()}. Immutable and thread-safe.
 */
public final class ModelTransportException extends XctException implements EndpointFailure {
  private static final long serialVersionUID = 1L;

  /** Names what went wrong on the way to the model. */
  public enum Kind {
    /** The endpoint answered with a status outside 2xx; see {@link #status()}. */
    HTTP_STATUS,
    /**
     * No complete response arrived within the connect or read timeout, or before the run's deadline
     * ({@link dev.xct.core.ModelRequest#deadline()}).
     */
    TIMEOUT,
    /** The connection could not be made, or broke before the response was complete. */
    CONNECTION,
    /** The endpoint answered 2xx, but not with a chat completion. */
    INVALID_RESPONSE,
    /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
    INTERRUPTED,
    /**
     * The request was cancelled ({@link dev.xct.core.ModelRequest#cancellation()}: the run was
     * cancelled or out of time) and the call abandoned; the loop ends the run as cancelled or out
     * of time, not as {@code MODEL_FAILED}.
     */
    CANCELLED,
    /** A wrapped client (LangChain4j, Spring AI) failed in a way not named above; see the cause. */
    CLIENT
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  /**
   * Creates an exception.
   *
   * @param kind what went wrong
   * @param status the HTTP status, or 0 when there was none
   * @param retryAfter the endpoint's {@code Retry-After}, or null when it sent none
   * @param message the explanation, free of secrets
   * @param cause the underlying exception, or null
   */
  public ModelTransportException(
      Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** Returns what went wrong. */
  public Kind kind() {
    return kind;
  }

  /** Returns the HTTP status, when the endpoint answered with one. */
  @Override
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** Returns how long the endpoint asked the caller to wait before trying again, if it said. */
  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Returns whether trying again later may succeed: rate limiting (429), a server error (500, 502,
   * 503, 504) or a broken connection. Timeouts are not included: the endpoint may still be working
   * on (and billing for) the first request.
   */
  public boolean isTransient() {
    return kind == Kind.CONNECTION
        || (kind == Kind.HTTP_STATUS
            && (status == 429 || status == 500 || status == 502 || status == 503 || status == 504));
  }
}
