package dev.xct.tools.shell.internal.check;

import dev.xct.core.protocol.Result;
import dev.xct.tools.shell.ShellErrorCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the optional command string into argv without interpreting anything.
 *
 * <p>The rules, documented in {@code docs/tools-shell.md}: words are separated by runs of spaces or
 * tabs; there is no quoting, escaping, globbing, expansion, redirection or comment. Any shell
 * metacharacter ({@value #METACHARACTERS}), any line break or other control character and any other
 * kind of white space (a no-break space looks like a separator but is not one) refuses the whole
 * string with {@code ARGUMENT_NOT_ALLOWED}: a string that needs them must be sent as an argv list.
 * Stateless and thread-safe.
 */
public final class CommandTokenizer {
  /** Characters a POSIX or Bourne shell would interpret, refused wherever they stand. */
  public static final String METACHARACTERS = "|&;<>()$`\\\"'*?[]{}~#!^";

  private CommandTokenizer() {}

  /** Holds the outcome: the argv, or the refusal. */
  public sealed interface Tokens permits Words, Refused {}

  /**
   * The command split into words.
   *
   * @param argv the words, at least one
   */
  public record Words(List<String> argv) implements Tokens {
    /** Copies the words. */
    public Words {
      argv = List.copyOf(argv);
    }
  }

  /**
   * The command string is refused.
   *
   * @param failure the failure for the model
   */
  public record Refused(Result.Failure failure) implements Tokens {}

  /** Splits {@code command} into words, or refuses it. */
  public static Tokens tokenize(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (c == ' ' || c == '\t') {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else if (METACHARACTERS.indexOf(c) >= 0) {
        return refuse(command, i, "shell metacharacter '" + c + "'");
      } else if (Character.isISOControl(c)
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.isSurrogate(c) && !validSurrogate(command, i)) {
        return refuse(command, i, String.format("character U+%04X", (int) c));
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      return new Refused(Refusals.invalid("the command string is empty"));
    }
    return new Words(words);
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }

  private static Tokens refuse(String command, int position, String what) {
    String reason =
        what
            + " at position "
            + position
            + ": the command string is split on spaces only and interprets nothing; send an argv"
            + " list instead";
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("command", Refusals.shown(command));
    details.put("position", position);
    details.put("reason", reason);
    return new Refused(
        Result.failure(
            ShellErrorCodes.ARGUMENT_NOT_ALLOWED, "command string refused: " + reason, details));
  }
}
