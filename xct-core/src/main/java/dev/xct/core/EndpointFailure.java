package dev.xct.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tells the caller what a model's endpoint answered when a {@link ModelClient} failed: the HTTP
 * status and how long it asked the caller to wait ({@code Retry-After}). An exception a client
 * throws implements it; the loop looks for it on the exception and its causes and records both in
 * the run's {@link ModelFailure} ({@link RunResult#failure()}, the journal's {@code run_ended}).
 * {@code ModelTransportException} of {@code xct-model-support}, which the bundled adapters throw,
 * implements it; a client of your own can throw an exception that does.
 *
 * <p>Implementations are exceptions, immutable once thrown, so thread-safe. A method that throws or
 * returns {@code null} counts as no answer; a status outside 100–599 or a negative wait is ignored.
 */
public interface EndpointFailure {

  /** Returns the HTTP status the endpoint answered with, if it answered with one. */
  OptionalInt status();

  /** Returns how long the endpoint asked the caller to wait before trying again, if it said. */
  Optional<Duration> retryAfter();
}
