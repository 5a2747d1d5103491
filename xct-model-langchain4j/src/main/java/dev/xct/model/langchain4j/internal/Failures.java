package dev.xct.model.langchain4j.internal;

import dev.langchain4j.exception.HttpException;
import dev.xct.model.openai.ModelTransportException;
import dev.xct.model.openai.ModelTransportException.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/** Turns what a LangChain4j model throws into a {@link ModelTransportException}. */
final class Failures {
  private Failures() {}

  static ModelTransportException wrap(RuntimeException e) {
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
