package dev.xct.tools.shell.internal.check;

import dev.xct.tools.shell.OptionSyntax;
import dev.xct.tools.shell.Options;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers, for {@link ArgumentChecker}, whether an argument could be read as a given option in any
 * spelling its program accepts: exactly, as a {@code getopt_long} abbreviation, with an attached
 * value, or as a letter of a bundle. Every answer errs towards "yes". Stateless and thread-safe.
 */
final class OptionSpellings {
  private OptionSpellings() {}

  /** Returns whether {@code name} abbreviates (or is) the long option {@code option}. */
  static boolean isAbbreviation(String name, String option) {
    return option.startsWith("--") && option.startsWith(name);
  }

  /** Returns the reason the model is told when {@code name} is denied exactly, if it is. */
  static Optional<String> deniedExactly(Options table, String name) {
    return Optional.ofNullable(table.denied().get(name)).map(reason -> reason(name, name, reason));
  }

  /** Returns the reason when {@code name} abbreviates a denied long option, if it does. */
  static Optional<String> deniedAbbreviation(Options table, String name) {
    for (Map.Entry<String, String> denied : table.denied().entrySet()) {
      if (isAbbreviation(name, denied.getKey())) {
        return Optional.of(reason(name, denied.getKey(), denied.getValue()));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the reason when any reading of {@code arg} is a denied option: itself or its name
   * before {@code =}, an abbreviation of one (unless it names an accepted option exactly), or, for
   * a short bundle, any of its letters.
   */
  static Optional<String> deniedInAnyReading(Options table, OptionSyntax syntax, String arg) {
    if (arg.length() < 2 || !arg.startsWith("-") || arg.equals("--")) {
      return Optional.empty();
    }
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    if (syntax == OptionSyntax.SINGLE_DASH || arg.startsWith("--")) {
      Optional<String> exact = deniedExactly(table, name);
      if (exact.isPresent() || syntax == OptionSyntax.SINGLE_DASH || table.kind(name).isPresent()) {
        return exact;
      }
      return deniedAbbreviation(table, name);
    }
    return arg.codePoints()
        .skip(1)
        .mapToObj(codePoint -> deniedExactly(table, "-" + new String(Character.toChars(codePoint))))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /**
   * Returns whether any argument from {@code from} on might be read as one of {@code options}: an
   * abbreviation of a long one, or one of the letters anywhere in a short bundle.
   */
  static boolean mentionsAny(
      List<String> argv, int from, List<String> options, OptionSyntax syntax) {
    for (int i = from; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (arg.length() < 2 || arg.charAt(0) != '-') {
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      boolean bundle = !arg.startsWith("--") && syntax == OptionSyntax.GNU;
      for (String option : options) {
        boolean longForm = option.startsWith("--") || syntax == OptionSyntax.SINGLE_DASH;
        if (longForm ? option.startsWith(name) : bundle && arg.indexOf(option.charAt(1), 1) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static String reason(String spelled, String option, String reason) {
    String form = spelled.equals(option) ? option : option + " (abbreviated " + spelled + ")";
    return "option " + form + " is denied: " + reason;
  }
}
