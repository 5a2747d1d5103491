package dev.xct.tools.shell.internal.check;

import dev.xct.core.XctException;
import dev.xct.tools.shell.OptionSyntax;
import dev.xct.tools.shell.Options;
import dev.xct.tools.shell.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that a {@link Program} is consistent, so that {@code ProgramBuilder.build()} fails with a
 * message naming the culprit instead of a rule that the checker would misread. Stateless and
 * thread-safe.
 */
public final class ProgramRules {
  private static final Pattern GNU_OPTION = Pattern.compile("-[^-\\s]|--[A-Za-z0-9][A-Za-z0-9-]*");
  private static final Pattern DASH_OPTION = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern SUBCOMMAND = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ProgramRules() {}

  /**
   * Validates {@code program}.
   *
   * @throws XctException naming the program and what is wrong with it
   */
  public static void validate(Program program) {
    String name = program.name();
    for (String subcommand : program.subcommands()) {
      if (subcommand == null || !SUBCOMMAND.matcher(subcommand).matches()) {
        throw new XctException("subcommand '" + subcommand + "' of '" + name + "' is invalid");
      }
    }
    List<String> configured = new ArrayList<>(program.subcommandArguments().keySet());
    configured.addAll(program.subcommandOptions().keySet());
    for (String subcommand : configured) {
      if (!program.subcommands().contains(subcommand)) {
        throw new XctException(
            "'" + name + "' configures subcommand '" + subcommand + "', which it does not allow");
      }
    }
    List<String> fixed = new ArrayList<>(program.fixedArguments());
    program.subcommandArguments().values().forEach(fixed::addAll);
    for (String argument : fixed) {
      if (argument.indexOf('\0') >= 0) {
        throw new XctException("a fixed argument of '" + name + "' contains NUL");
      }
    }
    checkOptions(program, program.options());
    checkSpelling(program, program.scriptOptions());
    for (Map.Entry<String, Options> entry : program.subcommandOptions().entrySet()) {
      checkOptions(program, program.options().with(entry.getValue()));
    }
    for (String variable : program.environment().keySet()) {
      if (!VARIABLE.matcher(variable).matches()) {
        throw new XctException(
            "environment variable '" + variable + "' of '" + name + "' is invalid");
      }
    }
    if (program.maxArguments() < 0
        || program.maxArgumentLength() < 1
        || program.launcherOperands() < -1) {
      throw new XctException(
          "'" + name + "' needs maxArguments >= 0, maxArgumentLength >= 1, launcherOperands >= -1");
    }
    if (program.isLauncher() && !program.subcommands().isEmpty()) {
      throw new XctException("launcher '" + name + "' cannot have subcommands");
    }
    if (program.oldStyleOptions()
        && (program.syntax() != OptionSyntax.GNU || !program.subcommands().isEmpty())) {
      throw new XctException(
          "'" + name + "': old-style option letters need the GNU syntax and no subcommands");
    }
  }

  private static void checkOptions(Program program, Options options) {
    List<String> all = new ArrayList<>(options.kinds().keySet());
    all.addAll(options.denied().keySet());
    checkSpelling(program, all);
  }

  private static void checkSpelling(Program program, List<String> all) {
    Pattern form = program.syntax() == OptionSyntax.GNU ? GNU_OPTION : DASH_OPTION;
    for (String option : all) {
      if (!form.matcher(option).matches()) {
        throw new XctException(
            "option '"
                + option
                + "' of '"
                + program.name()
                + "' is not a "
                + program.syntax()
                + " option");
      }
    }
  }
}
