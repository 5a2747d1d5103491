package dev.xct.model.langchain4j;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.xct.core.ModelRequest;
import dev.xct.model.support.ModelTransportException;
import dev.xct.model.support.ModelTransportException.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Turns what a LangChain4j model throws, or a response with nothing to read, into a {@link
 * ModelTransportException}; a failure after the request was cancelled (the loop abandoned the call
 * and interrupted its thread) is {@link Kind#CANCELLED}, whatever the model threw.
 */
final class Failures {
  private Failures() {}

  /**
   * Throws if {@code request} no longer wants an answer: cancelled, or its deadline passed. A
   * blocking {@code ChatModel} cannot be aborted once called, so this is checked before the call.
   */
  static void checkWanted(ModelRequest request) {
    if (request.isCancelled()) {
      throw new ModelTransportException(
          Kind.CANCELLED,
          0,
          null,
          "the request was cancelled before the chat model was called",
          null);
    }
    if (request.remaining().isZero()) {
      throw new ModelTransportException(
          Kind.TIMEOUT, 0, null, "the run's time was up before the chat model was called", null);
    }
  }

  /**
   * Throws if {@code response} holds no reply to read: none at all, or no message. That is a broken
   * client, not the model's answer, so it fails the call ({@link Kind#INVALID_RESPONSE}, as {@code
   * OpenAiModelClient} does for a 2xx without choices) instead of reaching the model as an empty
   * reply it would be asked to fix.
   */
  static void requireReply(ChatResponse response) {
    String missing =
        response == null
            ? "no response"
            : response.aiMessage() == null ? "a response without a message" : null;
    if (missing != null) {
      throw new ModelTransportException(
          Kind.INVALID_RESPONSE,
          0,
          null,
          "LangChain4j chat model returned " + missing + ": no reply of the model to read",
          null);
    }
  }

  static ModelTransportException wrap(RuntimeException e, ModelRequest request) {
    if (request.isCancelled()) {
      return new ModelTransportException(
          Kind.CANCELLED,
          0,
          null,
          "the request was cancelled; the chat model stopped with: " + e.getMessage(),
          e);
    }
    int status = 0;
    Kind kind = Kind.CLIENT;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http && status == 0) {
        status = http.statusCode();
        kind = Kind.HTTP_STATUS;
      } else if (kind == Kind.CLIENT && isTimeout(cause)) {
        kind = Kind.TIMEOUT;
      } else if (kind == Kind.CLIENT && cause instanceof IOException) {
        kind = Kind.CONNECTION;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    String what = status == 0 ? kind.name().toLowerCase(java.util.Locale.ROOT) : "HTTP " + status;
    return new ModelTransportException(
        kind, status, null, "LangChain4j chat model failed (" + what + "): " + e.getMessage(), e);
  }

  private static boolean isTimeout(Throwable cause) {
    return cause instanceof dev.langchain4j.exception.TimeoutException
        || cause instanceof HttpTimeoutException
        || cause instanceof SocketTimeoutException
        || cause instanceof java.util.concurrent.TimeoutException;
  }
}
