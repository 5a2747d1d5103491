package dev.xct.tools.shell.internal;

import dev.xct.core.protocol.Result;
import dev.xct.tools.shell.OptionSyntax;
import dev.xct.tools.shell.Program;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks what the model passes to one program against the program's rule: subcommand, every
 * spelling of every denied option, path operands and path-valued options, limits, and where a
 * launcher's inner command starts.
 *
 * <p>The parse is deliberately more suspicious than the program's own: an argument that could be
 * read as a denied option is refused wherever it stands (after {@code --}, as another option's
 * value), a long option is denied when it abbreviates any denied option even if the program would
 * call it ambiguous, and every operand is a path unless the rule says otherwise. Wrong guesses
 * refuse a harmless argument; they never let a harmful one through. Not thread-safe; one instance
 * per check.
 */
final class ArgumentChecker {
  private final Program rule;
  private final List<String> argv;
  private final PathCheck paths;

  private ArgumentChecker(Program rule, List<String> argv, PathCheck paths) {
    this.rule = rule;
    this.argv = argv;
    this.paths = paths;
  }

  /** Holds a check's outcome. */
  sealed interface Outcome permits Accepted, Refused {}

  /**
   * The arguments are allowed.
   *
   * @param innerStart for a launcher, the index of the inner command's program name; else -1
   */
  record Accepted(int innerStart) implements Outcome {}

  /** An argument is refused. */
  record Refused(Result.Failure failure) implements Outcome {}

  /** Thrown inside the parse to stop at the first refusal; never escapes this class. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Result.Failure failure;

    Refusal(Result.Failure failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  /**
   * Checks {@code argv} from {@code start} (the program name's index) to the end, or to a
   * launcher's inner command.
   */
  static Outcome check(Program rule, List<String> argv, int start, PathCheck paths) {
    try {
      return new Accepted(new ArgumentChecker(rule, argv, paths).parse(start));
    } catch (Refusal refusal) {
      return new Refused(refusal.failure);
    }
  }

  private int parse(int start) {
    int end = argv.size();
    if (end - start - 1 > rule.maxArguments()) {
      throw refuse(
          Refusals.arguments(
              rule.name(),
              "at most " + rule.maxArguments() + " arguments, got " + (end - start - 1)));
    }
    for (int i = start + 1; i < end; i++) {
      if (argv.get(i).length() > rule.maxArgumentLength()) {
        throw refuse(i, "longer than " + rule.maxArgumentLength() + " characters");
      }
    }
    int i = start + 1;
    if (!rule.subcommands().isEmpty()) {
      if (i >= end) {
        throw refuse(
            Refusals.arguments(rule.name(), "a subcommand is required: " + rule.subcommands()));
      }
      if (!rule.subcommands().contains(argv.get(i))) {
        throw refuse(i, "not an allowed subcommand; allowed: " + rule.subcommands());
      }
      i++;
    }
    boolean positional = false;
    int ownOperands = 0;
    while (i < end) {
      String arg = argv.get(i);
      boolean optionLike = arg.length() > 1 && arg.startsWith("-");
      if (!positional && rule.syntax() == OptionSyntax.GNU && arg.equals("--")) {
        positional = true;
        i++;
      } else if (optionLike && !positional) {
        i = option(i);
      } else if (rule.isLauncher()) {
        if (ownOperands == rule.launcherOperands()) {
          return i;
        }
        refuseIfDenied(i);
        ownOperands++;
        positional = true; // launchers stop parsing their options at their first operand
        i++;
      } else {
        refuseIfDenied(i);
        if (rule.operandsArePaths()) {
          checkPath(arg, i);
        }
        i++;
      }
    }
    if (rule.isLauncher()) {
      throw refuse(Refusals.arguments(rule.name(), "a launcher needs a command to run"));
    }
    return -1;
  }

  /** Checks the option at {@code i} and its value; returns the index after them. */
  private int option(int i) {
    String arg = argv.get(i);
    if (rule.syntax() == OptionSyntax.SINGLE_DASH) {
      int eq = arg.indexOf('=');
      denyIfDenied(i, eq < 0 ? arg : arg.substring(0, eq));
      return value(i, kindOf(arg), null);
    }
    if (arg.startsWith("--")) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      Kind kind = longKind(i, name);
      return value(i, kind, eq < 0 ? null : arg.substring(eq + 1));
    }
    for (int j = 1; j < arg.length(); ) {
      int codePoint = arg.codePointAt(j);
      j += Character.charCount(codePoint);
      String name = "-" + new String(Character.toChars(codePoint));
      denyIfDenied(i, name);
      Kind kind = kindOf(name);
      if (kind != Kind.FLAG) {
        return value(i, kind, j < arg.length() ? arg.substring(j) : null);
      }
    }
    return i + 1;
  }

  /** Checks an option's value, attached or the next argument; returns the index after them. */
  private int value(int i, Kind kind, String attached) {
    if (kind == Kind.FLAG) {
      return i + 1;
    }
    if (attached != null) {
      if (kind == Kind.PATH) {
        checkPath(attached, i);
      }
      return i + 1;
    }
    if (i + 1 >= argv.size()) {
      return i + 1;
    }
    refuseIfDenied(i + 1);
    if (kind == Kind.PATH) {
      checkPath(argv.get(i + 1), i + 1);
    }
    return i + 2;
  }

  private enum Kind {
    FLAG,
    VALUE,
    PATH
  }

  private Kind kindOf(String option) {
    if (rule.pathOptions().contains(option)) {
      return Kind.PATH;
    }
    return rule.valueOptions().contains(option) ? Kind.VALUE : Kind.FLAG;
  }

  /**
   * Classifies a GNU long option, refusing it when it is or abbreviates a denied option. An exact
   * match of a declared option wins, as in {@code getopt_long}; otherwise any declared option it
   * abbreviates counts, the strictest first.
   */
  private Kind longKind(int i, String name) {
    denyIfDenied(i, name);
    if (isDeclared(name)) {
      return kindOf(name);
    }
    for (Map.Entry<String, String> denied : rule.deniedOptions().entrySet()) {
      if (denied.getKey().startsWith("--") && denied.getKey().startsWith(name)) {
        throw refuse(i, deniedReason(name, denied.getKey(), denied.getValue()));
      }
    }
    if (rule.pathOptions().stream().anyMatch(option -> isAbbreviation(name, option))) {
      return Kind.PATH;
    }
    return rule.valueOptions().stream().anyMatch(option -> isAbbreviation(name, option))
        ? Kind.VALUE
        : Kind.FLAG;
  }

  private boolean isDeclared(String name) {
    return rule.flags().contains(name)
        || rule.valueOptions().contains(name)
        || rule.pathOptions().contains(name);
  }

  private static boolean isAbbreviation(String name, String option) {
    return option.startsWith("--") && option.startsWith(name);
  }

  private void denyIfDenied(int i, String name) {
    String reason = rule.deniedOptions().get(name);
    if (reason != null) {
      throw refuse(i, deniedReason(name, name, reason));
    }
  }

  /** Refuses the argument at {@code i} if any reading of it is a denied option. */
  private void refuseIfDenied(int i) {
    String arg = argv.get(i);
    if (arg.length() < 2 || !arg.startsWith("-") || arg.equals("--")) {
      return;
    }
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    if (rule.syntax() == OptionSyntax.SINGLE_DASH || arg.startsWith("--")) {
      Optional<Map.Entry<String, String>> denied =
          rule.deniedOptions().entrySet().stream()
              .filter(
                  entry ->
                      entry.getKey().equals(name)
                          || (rule.syntax() == OptionSyntax.GNU
                              && !isDeclared(name)
                              && isAbbreviation(name, entry.getKey())))
              .findFirst();
      if (denied.isPresent()) {
        throw refuse(i, deniedReason(name, denied.get().getKey(), denied.get().getValue()));
      }
      return;
    }
    arg.codePoints()
        .skip(1)
        .mapToObj(codePoint -> "-" + new String(Character.toChars(codePoint)))
        .forEach(option -> denyIfDenied(i, option));
  }

  private static String deniedReason(String spelled, String option, String reason) {
    String form = spelled.equals(option) ? option : option + " (abbreviated " + spelled + ")";
    return "option " + form + " is denied: " + reason;
  }

  private void checkPath(String path, int index) {
    Optional<Result.Failure> failure = paths.check(path, index);
    if (failure.isPresent()) {
      throw refuse(failure.get());
    }
  }

  private Refusal refuse(int index, String reason) {
    return new Refusal(Refusals.argument(index, argv.get(index), rule.name(), reason));
  }

  private static Refusal refuse(Result.Failure failure) {
    return new Refusal(failure);
  }
}
