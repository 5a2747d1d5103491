package dev.xct.tools.shell;

import dev.xct.core.XctException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Describes one program the model may run and what it may pass to it: allowed subcommands, denied
 * options (with the reason the model is told), options whose value is a path, limits, fixed
 * arguments the integrator adds, and whether it is a launcher of another program.
 *
 * <p>A rule is plain data so that it can be loaded from a policy file. Everything the model passes
 * is checked against it; the fixed arguments and the environment come from the integrator and are
 * not checked. Operands (arguments that are not options or option values) are treated as paths and
 * confined to the root unless {@code operandsArePaths} is false: a value wrongly treated as a path
 * is at worst refused, never let through. Every argument that looks like a denied option is refused
 * wherever it stands, also after {@code --} and as the value of another option, because several
 * programs ({@code find}, programs that re-parse their input) do not honour {@code --}.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder(String)}; change with {@link
 * #toBuilder()}.
 *
 * @param name the bare program name, resolved once on the integrator's PATH
 * @param syntax how the program spells its options
 * @param readOnly the integrator vouches that the program, so restricted, changes nothing
 * @param operandsArePaths operands are paths that must stay inside the root
 * @param subcommands one of these must be the first argument, with no option before it; empty when
 *     the program has no subcommands
 * @param fixedArguments trusted arguments inserted right after the program name on every run
 * @param subcommandArguments per subcommand, trusted arguments inserted right after it
 * @param deniedOptions options refused in every spelling, each with the reason the model is told
 * @param valueOptions options that take a value which is not a path (an option whose value is
 *     optional, such as {@code --color[=WHEN]}, belongs in {@code flags}: its value can only be
 *     attached, so the next argument stays an operand)
 * @param pathOptions options that take a value which is a path, confined like an operand
 * @param flags options known to take no value; an exact match beats a prefix of a denied option
 * @param environment variables set for this program on top of the scrubbed base environment; {@code
 *     ${XCT_ROOT}} and {@code ${XCT_ROOT_PARENT}} in a value stand for the primary root and its
 *     parent
 * @param maxArguments the most arguments the model may pass after the program name
 * @param maxArgumentLength the longest single argument, in characters
 * @param launcherOperands for a launcher, how many of its own operands precede the inner command
 *     ({@code timeout 5 ls}: 1); -1 when the program is not a launcher
 */
public record Program(
    String name,
    OptionSyntax syntax,
    boolean readOnly,
    boolean operandsArePaths,
    List<String> subcommands,
    List<String> fixedArguments,
    Map<String, List<String>> subcommandArguments,
    Map<String, String> deniedOptions,
    Set<String> valueOptions,
    Set<String> pathOptions,
    Set<String> flags,
    Map<String, String> environment,
    int maxArguments,
    int maxArgumentLength,
    int launcherOperands) {
  /** The pattern a program name matches: a bare file name of letters, digits, {@code ._+-}. */
  public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

  private static final Pattern GNU_OPTION = Pattern.compile("-[^-\\s]|--[A-Za-z0-9][A-Za-z0-9-]*");
  private static final Pattern DASH_OPTION = Pattern.compile("--?[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern SUBCOMMAND = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Validates and copies every component.
   *
   * @throws XctException if the name, a subcommand, an option or a variable name is malformed, an
   *     option is both denied and declared, a limit is out of range, or a launcher has subcommands
   */
  public Program {
    if (name == null || !NAME_PATTERN.matcher(name).matches()) {
      throw new XctException("program name '" + name + "' must match " + NAME_PATTERN);
    }
    Objects.requireNonNull(syntax, "syntax");
    subcommands = List.copyOf(subcommands);
    fixedArguments = List.copyOf(fixedArguments);
    Map<String, List<String>> perSubcommand = new LinkedHashMap<>();
    subcommandArguments.forEach((key, value) -> perSubcommand.put(key, List.copyOf(value)));
    subcommandArguments = Collections.unmodifiableMap(perSubcommand);
    deniedOptions = Collections.unmodifiableMap(new LinkedHashMap<>(deniedOptions));
    valueOptions = Collections.unmodifiableSet(new LinkedHashSet<>(valueOptions));
    pathOptions = Collections.unmodifiableSet(new LinkedHashSet<>(pathOptions));
    flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    validate(
        name,
        syntax,
        subcommands,
        fixedArguments,
        subcommandArguments,
        deniedOptions,
        valueOptions,
        pathOptions,
        flags,
        environment);
    if (maxArguments < 0 || maxArgumentLength < 1 || launcherOperands < -1) {
      throw new XctException(
          "'" + name + "' needs maxArguments >= 0, maxArgumentLength >= 1, launcherOperands >= -1");
    }
    if (launcherOperands >= 0 && !subcommands.isEmpty()) {
      throw new XctException("launcher '" + name + "' cannot have subcommands");
    }
  }

  /**
   * Starts a rule for the program called {@code name}.
   *
   * @throws XctException if the name is not a bare program name matching {@link #NAME_PATTERN}
   */
  public static Builder builder(String name) {
    if (name == null || !NAME_PATTERN.matcher(name).matches()) {
      throw new XctException("program name '" + name + "' must match " + NAME_PATTERN);
    }
    return new Builder(name);
  }

  /** Returns whether this program runs another program named on its command line. */
  public boolean isLauncher() {
    return launcherOperands >= 0;
  }

  /** Returns a builder holding this rule's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.syntax = syntax;
    b.readOnly = readOnly;
    b.operandsArePaths = operandsArePaths;
    b.subcommands.addAll(subcommands);
    b.fixedArguments.addAll(fixedArguments);
    subcommandArguments.forEach(
        (key, value) -> b.subcommandArguments.put(key, new ArrayList<>(value)));
    b.deniedOptions.putAll(deniedOptions);
    b.valueOptions.addAll(valueOptions);
    b.pathOptions.addAll(pathOptions);
    b.flags.addAll(flags);
    b.environment.putAll(environment);
    b.maxArguments = maxArguments;
    b.maxArgumentLength = maxArgumentLength;
    b.launcherOperands = launcherOperands;
    return b;
  }

  private static void validate(
      String name,
      OptionSyntax syntax,
      List<String> subcommands,
      List<String> fixedArguments,
      Map<String, List<String>> subcommandArguments,
      Map<String, String> deniedOptions,
      Set<String> valueOptions,
      Set<String> pathOptions,
      Set<String> flags,
      Map<String, String> environment) {
    for (String subcommand : subcommands) {
      if (subcommand == null || !SUBCOMMAND.matcher(subcommand).matches()) {
        throw new XctException("subcommand '" + subcommand + "' of '" + name + "' is invalid");
      }
    }
    for (String subcommand : subcommandArguments.keySet()) {
      if (!subcommands.contains(subcommand)) {
        throw new XctException("'" + name + "' has arguments for unknown " + subcommand);
      }
    }
    List<String> fixed = new ArrayList<>(fixedArguments);
    subcommandArguments.values().forEach(fixed::addAll);
    for (String argument : fixed) {
      if (argument.indexOf('\0') >= 0) {
        throw new XctException("a fixed argument of '" + name + "' contains NUL");
      }
    }
    Pattern form = syntax == OptionSyntax.GNU ? GNU_OPTION : DASH_OPTION;
    List<String> declared = new ArrayList<>(valueOptions);
    declared.addAll(pathOptions);
    declared.addAll(flags);
    for (String option : deniedOptions.keySet()) {
      if (declared.contains(option)) {
        throw new XctException("option " + option + " of '" + name + "' is denied and declared");
      }
    }
    declared.addAll(deniedOptions.keySet());
    for (String option : declared) {
      if (option == null || !form.matcher(option).matches()) {
        throw new XctException(
            "option '" + option + "' of '" + name + "' is not a " + syntax + " option");
      }
    }
    for (String variable : environment.keySet()) {
      if (!VARIABLE.matcher(variable).matches()) {
        throw new XctException(
            "environment variable '" + variable + "' of '" + name + "' is invalid");
      }
    }
  }

  /** Configures a {@link Program}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final String name;
    private OptionSyntax syntax = OptionSyntax.GNU;
    private boolean readOnly;
    private boolean operandsArePaths = true;
    private final List<String> subcommands = new ArrayList<>();
    private final List<String> fixedArguments = new ArrayList<>();
    private final Map<String, List<String>> subcommandArguments = new LinkedHashMap<>();
    private final Map<String, String> deniedOptions = new LinkedHashMap<>();
    private final Set<String> valueOptions = new LinkedHashSet<>();
    private final Set<String> pathOptions = new LinkedHashSet<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int maxArguments = 64;
    private int maxArgumentLength = 4096;
    private int launcherOperands = -1;

    private Builder(String name) {
      this.name = name;
    }

    /** Sets how the program spells its options; {@link OptionSyntax#GNU} by default. */
    public Builder syntax(OptionSyntax syntax) {
      this.syntax = Objects.requireNonNull(syntax, "syntax");
      return this;
    }

    /** Declares that the program, restricted by this rule, changes nothing. */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** Declares that operands are data (patterns, durations), not paths. */
    public Builder operandsAreNotPaths() {
      this.operandsArePaths = false;
      return this;
    }

    /** Requires the first argument to be one of {@code names}; no option may precede it. */
    public Builder subcommands(String... names) {
      subcommands.addAll(List.of(names));
      return this;
    }

    /** Adds trusted arguments inserted right after the program name on every run. */
    public Builder fixedArguments(String... arguments) {
      fixedArguments.addAll(List.of(arguments));
      return this;
    }

    /** Adds trusted arguments inserted right after {@code subcommand} on every run of it. */
    public Builder subcommandArguments(String subcommand, String... arguments) {
      subcommandArguments
          .computeIfAbsent(subcommand, key -> new ArrayList<>())
          .addAll(List.of(arguments));
      return this;
    }

    /** Denies {@code option} in every spelling; the model is told {@code reason}. */
    public Builder deniedOption(String option, String reason) {
      Objects.requireNonNull(reason, "reason");
      deniedOptions.put(Objects.requireNonNull(option, "option"), reason);
      return this;
    }

    /** Denies each of {@code options} in every spelling, with a generic reason. */
    public Builder deniedOptions(String... options) {
      for (String option : options) {
        deniedOption(option, "denied by policy");
      }
      return this;
    }

    /** Declares options that take a value that is not a path. */
    public Builder valueOptions(String... options) {
      for (String option : options) {
        valueOptions.add(Objects.requireNonNull(option, "option"));
      }
      return this;
    }

    /** Declares options that take a path, which is confined to the root like an operand. */
    public Builder pathOptions(String... options) {
      for (String option : options) {
        pathOptions.add(Objects.requireNonNull(option, "option"));
      }
      return this;
    }

    /** Declares options that take no value, so an exact match is not mistaken for a prefix. */
    public Builder flags(String... options) {
      for (String option : options) {
        flags.add(Objects.requireNonNull(option, "option"));
      }
      return this;
    }

    /** Sets an environment variable for this program; the integrator's value, never the model's. */
    public Builder environment(String variable, String value) {
      environment.put(
          Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Limits how many arguments the model may pass after the program name; 64 by default. */
    public Builder maxArguments(int max) {
      this.maxArguments = max;
      return this;
    }

    /** Limits the length of each argument in characters; 4096 by default. */
    public Builder maxArgumentLength(int max) {
      this.maxArgumentLength = max;
      return this;
    }

    /**
     * Declares the program a launcher: after its own options and {@code ownOperands} operands, the
     * rest of the line is an inner command, checked against the same allowlist. The launcher must
     * stop parsing its options at its first operand, as coreutils' launchers do.
     */
    public Builder launcher(int ownOperands) {
      this.launcherOperands = ownOperands;
      return this;
    }

    /**
     * Returns the immutable rule.
     *
     * @throws XctException if the rule is inconsistent; see {@link Program#Program}
     */
    public Program build() {
      return new Program(
          name,
          syntax,
          readOnly,
          operandsArePaths,
          subcommands,
          fixedArguments,
          subcommandArguments,
          deniedOptions,
          valueOptions,
          pathOptions,
          flags,
          environment,
          maxArguments,
          maxArgumentLength,
          launcherOperands);
    }
  }
}
