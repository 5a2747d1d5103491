package dev.xct.tools.shell.internal.check;

import dev.xct.core.protocol.Result;
import dev.xct.tools.shell.OptionKind;
import dev.xct.tools.shell.OptionSyntax;
import dev.xct.tools.shell.Options;
import dev.xct.tools.shell.Program;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what the model passes to one program against the program's rule: subcommand, options (an
 * allowlist), every spelling of every denied option, path operands and path-valued options, limits,
 * and where a launcher's inner command starts.
 *
 * <p>The parse is deliberately more suspicious than the program's own, and where it cannot know how
 * the program reads an argument it checks every reading: an argument that could be read as a denied
 * option is refused wherever it stands (after {@code --}, as another option's value); a long option
 * that is not spelled exactly as listed may be an abbreviation of any listed option it prefixes or
 * an exact option nobody listed, so the argument after it is checked both as a value and as an
 * operand; a value attached to an option whose kind says nothing about it is checked as a path;
 * every operand is a path unless the rule says otherwise. Wrong guesses refuse a harmless argument;
 * they never let a harmful one through. Not thread-safe; one instance per check.
 */
final class ArgumentChecker {
  private final Program rule;
  private final List<String> argv;
  private final PathCheck paths;
  private Options table;
  private String label;

  private ArgumentChecker(Program rule, List<String> argv, PathCheck paths) {
    this.rule = rule;
    this.argv = argv;
    this.paths = paths;
    this.table = rule.options();
    this.label = rule.name();
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
      String subcommand = argv.get(i);
      if (!rule.subcommands().contains(subcommand)) {
        throw refuse(i, "not an allowed subcommand; allowed: " + rule.subcommands());
      }
      table = rule.optionsFor(subcommand);
      label = rule.name() + " " + subcommand;
      i++;
    }
    if (rule.oldStyleOptions() && i < end && !argv.get(i).startsWith("-")) {
      // tar xfC a.tar dir: each letter takes the next argument in turn; no checker should guess.
      throw refuse(
          i,
          "old-style option letters are not accepted; write them with a dash (-"
              + argv.get(i)
              + ")");
    }
    boolean positional = false;
    boolean scriptOperand =
        !rule.scriptOptions().isEmpty()
            && !OptionSpellings.mentionsAny(argv, i, rule.scriptOptions(), rule.syntax());
    int ownOperands = 0;
    while (i < end) {
      String arg = argv.get(i);
      boolean optionLike = arg.length() > 1 && arg.startsWith("-");
      if (!positional && rule.syntax() == OptionSyntax.GNU && arg.equals("--")) {
        positional = true;
        i++;
      } else if (optionLike && !positional) {
        i = option(i);
      } else if (scriptOperand) {
        // sed s/a/b/ f, grep TODO f: no option supplied the script, so this is it.
        scriptOperand = false;
        refuseIfDenied(i);
        i++;
      } else {
        if (rule.isLauncher() && ownOperands == rule.launcherOperands()) {
          return i;
        }
        refuseIfDenied(i);
        if (rule.operandsArePaths()) {
          checkPath(arg, i, false);
        }
        if (rule.isLauncher()) {
          ownOperands++;
          positional = true; // launchers stop parsing their options at their first operand
        }
        i++;
      }
    }
    if (rule.isLauncher()) {
      throw refuse(Refusals.arguments(rule.name(), "a launcher needs a command to run"));
    }
    return -1;
  }

  /** Checks the option at {@code i} and its value; returns the index of the next argument. */
  private int option(int i) {
    String arg = argv.get(i);
    if (rule.syntax() == OptionSyntax.SINGLE_DASH) {
      int eq = arg.indexOf('=');
      denyIfDenied(i, eq < 0 ? arg : arg.substring(0, eq));
      Optional<OptionKind> kind = table.kind(arg);
      return kind.isPresent() ? value(i, EnumSet.of(kind.get()), false, null) : unknown(i, arg);
    }
    return arg.startsWith("--") ? longOption(i, arg) : shortOptions(i, arg);
  }

  /** Checks {@code --name}, {@code --name=value} or an abbreviation of a listed option. */
  private int longOption(int i, String arg) {
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    String attached = eq < 0 ? null : arg.substring(eq + 1);
    denyIfDenied(i, name);
    Optional<OptionKind> exact = table.kind(name);
    if (exact.isPresent()) {
      return value(i, EnumSet.of(exact.get()), false, attached);
    }
    OptionSpellings.deniedAbbreviation(table, name)
        .ifPresent(
            reason -> {
              throw refuse(i, reason);
            });
    Set<OptionKind> kinds = EnumSet.noneOf(OptionKind.class);
    table
        .kinds()
        .forEach(
            (option, kind) -> {
              if (OptionSpellings.isAbbreviation(name, option)) {
                kinds.add(kind);
              }
            });
    if (kinds.isEmpty()) {
      return unknown(i, name, attached);
    }
    // An abbreviation to getopt_long may be an exact option nobody listed: check both readings.
    return value(i, kinds, true, attached);
  }

  /** Checks a bundle of short options ({@code -xvf}, {@code -ofile}, {@code -U5}). */
  private int shortOptions(int i, String arg) {
    for (int j = 1; j < arg.length(); ) {
      int codePoint = arg.codePointAt(j);
      j += Character.charCount(codePoint);
      String name = "-" + new String(Character.toChars(codePoint));
      String rest = j < arg.length() ? arg.substring(j) : null;
      denyIfDenied(i, name);
      Optional<OptionKind> kind = table.kind(name);
      if (kind.isEmpty()) {
        requireUnvetted(i, name);
        if (rest != null && rule.operandsArePaths()) {
          checkPath(rest, i, true); // the rest may be the unknown option's attached value
        }
      } else if (kind.get() != OptionKind.FLAG) {
        return value(i, EnumSet.of(kind.get()), false, rest);
      }
    }
    return i + 1;
  }

  /** Checks an option nobody listed: refused, unless the rule lets unvetted options through. */
  private int unknown(int i, String name) {
    return unknown(i, name, null);
  }

  private int unknown(int i, String name, String attached) {
    requireUnvetted(i, name);
    if (attached != null && rule.operandsArePaths()) {
      checkPath(attached, i, true);
    }
    return i + 1; // the next argument, if it is this option's value, is checked as an operand
  }

  private void requireUnvetted(int i, String name) {
    if (!rule.unvettedOptionsAtOwnRisk()) {
      throw refuse(i, "option " + name + " is not one the policy accepts for " + label);
    }
  }

  /**
   * Checks an option's value under every reading in {@code kinds} (plus, when {@code unknown}, the
   * reading of an option that takes no separate value); returns the index after what it consumed.
   */
  private int value(int i, Set<OptionKind> kinds, boolean unknown, String attached) {
    if (attached != null) {
      boolean onlyPlainValues =
          !unknown
              && kinds.stream()
                  .allMatch(k -> k == OptionKind.VALUE || k == OptionKind.OPTIONAL_VALUE);
      boolean pathValue = kinds.stream().anyMatch(OptionKind::valueIsPath);
      if (pathValue || !onlyPlainValues && rule.operandsArePaths()) {
        checkPath(attached, i, true);
      }
      return i + 1;
    }
    boolean mayConsume = kinds.stream().anyMatch(OptionKind::takesSeparateValue);
    if (!mayConsume || i + 1 >= argv.size()) {
      return i + 1;
    }
    refuseIfDenied(i + 1);
    if (kinds.contains(OptionKind.PATH)) {
      checkPath(argv.get(i + 1), i + 1, true);
    }
    boolean mayNotConsume = unknown || kinds.stream().anyMatch(k -> !k.takesSeparateValue());
    // Under a reading that does not consume it, the next argument is checked again as an operand.
    return mayNotConsume ? i + 1 : i + 2;
  }

  private void denyIfDenied(int i, String name) {
    OptionSpellings.deniedExactly(table, name)
        .ifPresent(
            reason -> {
              throw refuse(i, reason);
            });
  }

  /** Refuses the argument at {@code i} if any reading of it is a denied option. */
  private void refuseIfDenied(int i) {
    OptionSpellings.deniedInAnyReading(table, rule.syntax(), argv.get(i))
        .ifPresent(
            reason -> {
              throw refuse(i, reason);
            });
  }

  private void checkPath(String path, int index, boolean optionValue) {
    Optional<Result.Failure> failure = paths.check(path, index, optionValue);
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
