package dev.xct.tools.shell.internal.run;

import dev.xct.core.protocol.Result;
import dev.xct.tools.shell.ShellErrorCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds what one command produced and turns it into the data the model receives.
 *
 * @param program the program name the model gave
 * @param exitCode the exit code, or null if the process could not be reaped
 * @param durationMillis wall-clock time from start to the end of the cleanup
 * @param stdout the captured standard output
 * @param stderr the captured standard error
 * @param clean whether no process of the command was left running
 * @param timeoutMillis the timeout the command ran under
 */
record Outcome(
    String program,
    Integer exitCode,
    long durationMillis,
    OutputCapture stdout,
    OutputCapture stderr,
    boolean clean,
    long timeoutMillis) {

  /** Returns the result object, or the details of a failure: the same shape either way. */
  Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("exit_code", exitCode);
    details.put("stdout", stdout.text());
    details.put("stderr", stderr.text());
    details.put("stdout_bytes", stdout.total());
    details.put("stderr_bytes", stderr.total());
    details.put("duration_ms", durationMillis);
    details.put("timeout_ms", timeoutMillis);
    List<String> flags = new ArrayList<>();
    if (stdout.truncated() || stderr.truncated()) {
      flags.add(ShellErrorCodes.OUTPUT_TRUNCATED);
    }
    if (!clean) {
      flags.add(ShellErrorCodes.PROCESSES_SURVIVED);
    }
    details.put("flags", flags);
    return details;
  }

  /** Returns a failure with {@code code}, {@code message} and the output as details. */
  Result.Failure failure(String code, String message) {
    return Result.failure(code, message, details());
  }
}
