package dev.xct.model.openai.internal;

import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one chat-completions POST and returns the status and body, retrying transient failures only
 * as the {@link dev.xct.model.openai.RetryPolicy} allows. Each wait ends at the run's deadline at
 * the latest, and the call is aborted when its request is cancelled. Never logs headers.
 */
public final class HttpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  private final ClientConfig config;
  private final Clock clock;

  /** Creates a transport for {@code config}. */
  public HttpTransport(ClientConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** A response with a 2xx status. */
  public record Response(int status, String body) {}

  /**
   * Returns the 2xx response to {@code body}.
   *
   * @throws ModelTransportException for any other status, a timeout (the client's own or the run's
   *     deadline), a broken connection, cancellation or an interrupt, after the retries the policy
   *     allows
   */
  public Response post(String body, CallControl control) {
    int attempt = 0;
    while (true) {
      try {
        return postOnce(body, control);
      } catch (ModelTransportException e) {
        attempt++;
        Duration wait = retryWait(e, attempt, control);
        if (wait == null) {
          throw e;
        }
        LOG.warn(
            "model call failed ({}); retry {} in {} ms", e.getMessage(), attempt, wait.toMillis());
        sleep(wait, control);
      }
    }
  }

  private Duration retryWait(ModelTransportException e, int attempt, CallControl control) {
    if (!e.isTransient() || attempt > config.retry().maxRetries()) {
      return null;
    }
    Duration wait = e.retryAfter().orElse(config.retry().backoff(attempt));
    boolean tooLong =
        wait.compareTo(config.retry().maxDelay()) > 0 || wait.compareTo(control.remaining()) >= 0;
    return tooLong ? null : wait;
  }

  private Response postOnce(String body, CallControl control) {
    if (control.isCancelled()) {
      throw cancelled(null);
    }
    Duration left = control.remaining();
    if (left.isZero()) {
      throw deadline(null);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.endpoint())
            .timeout(config.readTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (config.apiKey() != null) {
      boolean bearer = config.apiKeyHeader().equalsIgnoreCase("Authorization");
      request.header(config.apiKeyHeader(), bearer ? "Bearer " + config.apiKey() : config.apiKey());
    }
    config.headers().forEach(request::header);
    long started = System.nanoTime();
    HttpResponse<String> response = send(request.build(), control, left);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    int status = response.statusCode();
    LOG.debug("POST {} answered {} in {} ms", config.endpoint(), status, millis);
    if (status / 100 == 2) {
      return new Response(status, response.body());
    }
    Duration retryAfter =
        RetryAfter.parse(
            response.headers().firstValue("Retry-After").orElse(null), clock.instant());
    String detail = Secrets.scrub(ResponseReader.errorMessage(response.body()), config.apiKey());
    throw new ModelTransportException(
        Kind.HTTP_STATUS,
        status,
        retryAfter,
        "model endpoint "
            + config.endpoint()
            + " answered HTTP "
            + status
            + (detail.isEmpty() ? "" : ": " + detail)
            + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + " s)"),
        null);
  }

  private HttpResponse<String> send(HttpRequest request, CallControl control, Duration left) {
    CompletableFuture<HttpResponse<String>> future =
        config
            .http()
            .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    control.track(future);
    // The request timeout covers the wait for headers; this bound covers the body as well, and
    // ends at the run's deadline if that comes first: a millisecond after it, so that the loop,
    // whose clock may run a little apart, finds the deadline passed when this gives up.
    Duration toDeadline = left.plusMillis(1);
    boolean deadlineFirst = toDeadline.compareTo(config.readTimeout()) < 0;
    Duration wait = deadlineFirst ? toDeadline : config.readTimeout();
    try {
      return future.get(CallControl.nanos(wait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw deadlineFirst ? deadline(e) : timeout(e);
    } catch (CancellationException e) {
      throw cancelled(e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      if (control.isCancelled()) {
        throw cancelled(e);
      }
      throw new ModelTransportException(
          Kind.INTERRUPTED, 0, null, "interrupted while waiting for the model", e);
    } catch (ExecutionException e) {
      if (control.isCancelled()) {
        throw cancelled(e);
      }
      Throwable cause = e.getCause();
      if (cause instanceof HttpConnectTimeoutException) {
        throw new ModelTransportException(
            Kind.TIMEOUT, 0, null, "could not connect to " + config.endpoint() + " in time", cause);
      }
      if (cause instanceof HttpTimeoutException) {
        throw timeout(cause);
      }
      if (cause instanceof IOException) {
        throw new ModelTransportException(
            Kind.CONNECTION,
            0,
            null,
            "connection to "
                + config.endpoint()
                + " failed: "
                + Secrets.scrub(cause.toString(), config.apiKey()),
            cause);
      }
      throw new ModelTransportException(
          Kind.CONNECTION, 0, null, "request to " + config.endpoint() + " failed: " + cause, cause);
    }
  }

  private ModelTransportException timeout(Throwable cause) {
    return new ModelTransportException(
        Kind.TIMEOUT,
        0,
        null,
        "no response from "
            + config.endpoint()
            + " within "
            + config.readTimeout().toMillis()
            + " ms",
        cause);
  }

  private ModelTransportException deadline(Throwable cause) {
    return new ModelTransportException(
        Kind.TIMEOUT,
        0,
        null,
        "the run's time was up before " + config.endpoint() + " answered",
        cause);
  }

  private ModelTransportException cancelled(Throwable cause) {
    return new ModelTransportException(
        Kind.CANCELLED,
        0,
        null,
        "the request to " + config.endpoint() + " was cancelled and aborted",
        cause);
  }

  private void sleep(Duration wait, CallControl control) {
    try {
      if (!control.sleep(wait)) {
        throw cancelled(null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (control.isCancelled()) {
        throw cancelled(e);
      }
      throw new ModelTransportException(
          Kind.INTERRUPTED, 0, null, "interrupted while waiting to retry the model call", e);
    }
  }
}
