package dev.xct.tools.fs.internal;

import dev.xct.core.protocol.Result;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries a failure out of deep resolution or file code to the boundary where it becomes a value.
 * Never escapes the module: every public entry point catches it. It has no stack trace, because it
 * is an expected outcome rather than a bug.
 */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 200;

  private final transient Result.Failure failure;

  /** Wraps {@code failure}. */
  public Refusal(Result.Failure failure) {
    super(failure.code() + ": " + failure.message(), null, false, false);
    this.failure = failure;
  }

  /** Returns a refusal about {@code path} (as the model wrote it) with optional extra details. */
  public static Refusal of(String code, String message, String path, Object... extra) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (path != null) {
      details.put("path", shown(path));
    }
    for (int i = 0; i + 1 < extra.length; i += 2) {
      details.put((String) extra[i], extra[i + 1]);
    }
    return new Refusal(Result.failure(code, message, details));
  }

  /** Returns the failure to send to the model. */
  public Result.Failure failure() {
    return failure;
  }

  /**
   * Returns {@code path} fit to quote in a message: at most 200 characters, with control and format
   * characters escaped so that a hostile name cannot forge lines or reorder text for an approver.
   */
  public static String shown(String path) {
    if (path == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    path.codePoints()
        .limit(MAX_SHOWN)
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (type == Character.CONTROL
                  || type == Character.FORMAT
                  || type == Character.SURROGATE
                  || cp == '\\') {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    if (path.codePointCount(0, path.length()) > MAX_SHOWN) {
      out.append('…');
    }
    return out.toString();
  }
}
