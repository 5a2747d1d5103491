package dev.xct.model.springai;

import dev.xct.core.ModelRequest;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * Turns what a Spring AI model throws, or a response with nothing to read, into a {@link
 * ModelTransportException}. Spring AI has no provider-neutral exception carrying the HTTP status,
 * so the status is read, best effort, from a message that starts with one (the OpenAI SDK's {@code
 * 429: …}, Spring's {@code 429 Too Many Requests: …}); timeouts and I/O failures are found in the
 * cause chain. The provider's exception stays attached as the cause. A failure after the request
 * was cancelled (the loop abandoned the call and interrupted its thread) is {@link Kind#CANCELLED},
 * whatever the model threw.
 */
final class Failures {
  private static final Pattern LEADING_STATUS = Pattern.compile("\\A([45]\\d\\d)(?::| [A-Z])");

  private Failures() {}

  /**
   * Throws if {@code request} no longer wants an answer: cancelled, or its deadline passed. A
   * blocking Spring AI call cannot be aborted once made, so this is checked before the call.
   */
  static void checkWanted(ModelRequest request) {
    if (request.isCancelled()) {
      throw new ModelTransportException(
          Kind.CANCELLED, 0, null, "the request was cancelled before the model was called", null);
    }
    if (request.remaining().isZero()) {
      throw new ModelTransportException(
          Kind.TIMEOUT, 0, null, "the run's time was up before the model was called", null);
    }
  }

  /**
   * Throws if {@code response} holds no reply to read: none at all, no generation, or a generation
   * without a message. That is a broken client or provider response, not the model's answer, so it
   * fails the call ({@link Kind#INVALID_RESPONSE}, as {@code OpenAiModelClient} does for a 2xx
   * without choices) instead of reaching the model as an empty reply it would be asked to fix.
   */
  static void requireReply(ChatResponse response) {
    String missing =
        response == null
            ? "no response"
            : response.getResult() == null
                ? "a response without generations"
                : response.getResult().getOutput() == null
                    ? "a generation without a message"
                    : null;
    if (missing != null) {
      throw new ModelTransportException(
          Kind.INVALID_RESPONSE,
          0,
          null,
          "Spring AI chat model returned " + missing + ": no reply of the model to read",
          null);
    }
  }

  static ModelTransportException wrap(RuntimeException e, ModelRequest request) {
    if (request.isCancelled()) {
      return new ModelTransportException(
          Kind.CANCELLED,
          0,
          null,
          "the request was cancelled; the Spring AI model stopped with: "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
    int status = 0;
    Kind kind = Kind.CLIENT;
    for (Throwable cause = e;
        cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      Matcher leading = LEADING_STATUS.matcher(String.valueOf(cause.getMessage()));
      if (leading.lookingAt()) {
        status = Integer.parseInt(leading.group(1));
        kind = Kind.HTTP_STATUS;
        break;
      }
      if (cause instanceof InterruptedIOException
          || cause instanceof java.util.concurrent.TimeoutException) {
        // OkHttp, the JDK client and Netty all report read timeouts as InterruptedIOException.
        kind = Kind.TIMEOUT;
        break;
      }
      if (cause instanceof IOException) {
        kind = Kind.CONNECTION;
        break;
      }
    }
    String what = status == 0 ? kind.name().toLowerCase(Locale.ROOT) : "HTTP " + status;
    return new ModelTransportException(
        kind,
        status,
        null,
        "Spring AI chat model failed ("
            + what
            + "): "
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage(),
        e);
  }
}
