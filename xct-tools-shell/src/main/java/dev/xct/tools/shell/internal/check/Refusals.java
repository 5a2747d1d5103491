package dev.xct.tools.shell.internal.check;

import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.tools.shell.ShellErrorCodes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the refusals that go back to the model, quoting its input safely. */
final class Refusals {
  private static final int SHOWN_LENGTH = 80;

  private Refusals() {}

  /** Refuses the argument at {@code index} of the model's argv. */
  static Result.Failure argument(int index, String argument, String program, String reason) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("index", index);
    details.put("argument", shown(argument));
    details.put("program", program);
    details.put("reason", reason);
    return Result.failure(
        ShellErrorCodes.ARGUMENT_NOT_ALLOWED,
        "argument "
            + index
            + " '"
            + shown(argument)
            + "' is not allowed for "
            + program
            + ": "
            + reason,
        details);
  }

  /** Refuses the whole argv (too many arguments, too large). */
  static Result.Failure arguments(String program, String reason) {
    return Result.failure(
        ShellErrorCodes.ARGUMENT_NOT_ALLOWED,
        "the arguments are not allowed for " + program + ": " + reason,
        Map.of("program", program, "reason", reason));
  }

  /** Refuses the program named at {@code index}. */
  static Result.Failure command(int index, String name, Collection<String> allowed, String why) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("index", index);
    details.put("program", shown(name));
    details.put("reason", why);
    details.put("allowed", List.copyOf(allowed));
    return Result.failure(
        ShellErrorCodes.COMMAND_NOT_ALLOWED,
        "program '" + shown(name) + "' is not allowed (" + why + "); allowed programs: " + allowed,
        details);
  }

  /** Refuses malformed tool arguments (the schema's job, repeated at execution). */
  static Result.Failure invalid(String reason) {
    return Result.failure(ErrorCodes.INVALID_ARGUMENTS, reason, Map.of("reason", reason));
  }

  /**
   * Returns {@code text} abbreviated and with control characters escaped, so that echoing the
   * model's input back can neither flood the context nor smuggle terminal escapes into logs.
   */
  static String shown(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < text.length() && out.length() < SHOWN_LENGTH; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return i < text.length() ? out + "…" : out.toString();
  }
}
