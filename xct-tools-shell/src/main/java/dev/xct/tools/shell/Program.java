package dev.xct.tools.shell;

import dev.xct.core.XctException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Describes one program the model may run and what it may pass to it: the options it accepts (an
 * allowlist, per subcommand where the program has them), the options it refuses with the reason the
 * model is told, which values are paths, limits, fixed arguments the integrator adds, and whether
 * it is a launcher of another program.
 *
 * <p>Everything the model passes is checked against the rule; fixed arguments and the environment
 * come from the integrator and are not. Operands (arguments that are neither options nor option
 * values) are paths confined to the roots unless {@link #operandsArePaths()} is false: a value
 * wrongly treated as a path is at worst refused, never let through. An option the rule does not
 * list is refused, unless the rule is {@linkplain ProgramBuilder#unvettedOptionsAtOwnRisk()
 * unvetted}.
 *
 * <p>{@code ShellTools} refuses, when it is built, a rule that declares no options at all (neither
 * {@link ProgramBuilder#noOptions()} nor any option) for a program XCT has no profile of, unless
 * the rule is unvetted. For a program XCT does have a profile of ({@code git}, {@code sed}, {@code
 * tar}, {@code sort}, {@code find}, {@code diff}, {@code grep}, {@code ls}, ...; found by name or
 * by the file the name resolves to), the profile's option kinds, denials, fixed arguments and
 * environment are laid over the rule, so a hand-written rule cannot forget what the profile knows.
 *
 * <p>Immutable and thread-safe, with value equality. Build with {@link #builder(String)}; change
 * with {@link #toBuilder()}.
 */
public final class Program {
  /** The pattern a program name matches: a bare file name of letters, digits, {@code ._+-}. */
  public static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

  private final String name;
  private final OptionSyntax syntax;
  private final boolean readOnly;
  private final boolean operandsArePaths;
  private final Options options;
  private final List<String> subcommands;
  private final Map<String, Options> subcommandOptions;
  private final Map<String, Options> effectiveOptions;
  private final List<String> fixedArguments;
  private final Map<String, List<String>> subcommandArguments;
  private final Map<String, String> environment;
  private final int maxArguments;
  private final int maxArgumentLength;
  private final int launcherOperands;
  private final boolean oldStyleOptions;
  private final List<String> scriptOptions;
  private final boolean noOptions;
  private final boolean unvetted;

  Program(ProgramBuilder b) {
    this.name = b.name;
    this.syntax = b.syntax;
    this.readOnly = b.readOnly;
    this.operandsArePaths = b.operandsArePaths;
    this.options = b.options.build();
    this.subcommands = List.copyOf(b.subcommands);
    this.subcommandOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.subcommandOptions));
    Map<String, Options> effective = new LinkedHashMap<>();
    subcommandOptions.forEach((key, value) -> effective.put(key, options.with(value)));
    this.effectiveOptions = effective;
    this.fixedArguments = List.copyOf(b.fixedArguments);
    Map<String, List<String>> perSubcommand = new LinkedHashMap<>();
    b.subcommandArguments.forEach((key, value) -> perSubcommand.put(key, List.copyOf(value)));
    this.subcommandArguments = Collections.unmodifiableMap(perSubcommand);
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
    this.maxArguments = b.maxArguments;
    this.maxArgumentLength = b.maxArgumentLength;
    this.launcherOperands = b.launcherOperands;
    this.oldStyleOptions = b.oldStyleOptions;
    this.scriptOptions = List.copyOf(b.scriptOptions);
    this.noOptions = b.noOptions;
    this.unvetted = b.unvetted;
  }

  /**
   * Starts a rule for the program called {@code name}.
   *
   * @throws XctException if the name is not a bare program name matching {@link #NAME_PATTERN}
   */
  public static ProgramBuilder builder(String name) {
    if (name == null || !NAME_PATTERN.matcher(name).matches()) {
      throw new XctException("program name '" + name + "' must match " + NAME_PATTERN);
    }
    return new ProgramBuilder(name);
  }

  /** Returns the bare program name, resolved once on the integrator's PATH. */
  public String name() {
    return name;
  }

  /** Returns how the program spells its options. */
  public OptionSyntax syntax() {
    return syntax;
  }

  /** Returns whether the integrator vouches that the program, so restricted, changes nothing. */
  public boolean readOnly() {
    return readOnly;
  }

  /** Returns whether operands are paths that must stay inside the roots. */
  public boolean operandsArePaths() {
    return operandsArePaths;
  }

  /** Returns the options of the program itself, for every subcommand. */
  public Options options() {
    return options;
  }

  /** Returns the options refused for every subcommand, each with the reason the model is told. */
  public Map<String, String> deniedOptions() {
    return options.denied();
  }

  /** Returns the allowed subcommands, one of which must be the first argument; may be empty. */
  public List<String> subcommands() {
    return subcommands;
  }

  /** Returns, per subcommand, the options it adds to (or re-declares over) the program's. */
  public Map<String, Options> subcommandOptions() {
    return subcommandOptions;
  }

  /**
   * Returns the options in force after {@code subcommand}: the program's with its own laid over.
   */
  public Options optionsFor(String subcommand) {
    return effectiveOptions.getOrDefault(subcommand, options);
  }

  /** Returns the trusted arguments inserted right after the program name on every run. */
  public List<String> fixedArguments() {
    return fixedArguments;
  }

  /** Returns, per subcommand, the trusted arguments inserted right after it. */
  public Map<String, List<String>> subcommandArguments() {
    return subcommandArguments;
  }

  /**
   * Returns the variables set for this program on top of the scrubbed base environment; {@code
   * ${XCT_ROOT}} in a value stands for the primary root, {@code ${XCT_ROOT_PARENT}} for its parent,
   * and {@code ${XCT_ROOTS_PARENTS}} for the parents of every outermost root, joined by colons.
   */
  public Map<String, String> environment() {
    return environment;
  }

  /** Returns the most arguments the model may pass after the program name. */
  public int maxArguments() {
    return maxArguments;
  }

  /** Returns the longest single argument, in characters. */
  public int maxArgumentLength() {
    return maxArgumentLength;
  }

  /**
   * Returns, for a launcher, how many of its own operands precede the inner command ({@code timeout
   * 5 ls}: 1); -1 when the program is not a launcher.
   */
  public int launcherOperands() {
    return launcherOperands;
  }

  /** Returns whether this program runs another program named on its command line. */
  public boolean isLauncher() {
    return launcherOperands >= 0;
  }

  /** Returns whether a first argument without a dash would be option letters, and is refused. */
  public boolean oldStyleOptions() {
    return oldStyleOptions;
  }

  /**
   * Returns the options that supply a script or pattern; when the list is not empty and none of
   * them is given, the first operand is that script or pattern, not a path ({@code sed s/a/b/ f},
   * {@code grep TODO f}).
   */
  public List<String> scriptOptions() {
    return scriptOptions;
  }

  /**
   * Returns whether the rule declares its options (any option, or {@link
   * ProgramBuilder#noOptions()}).
   */
  public boolean declaresOptions() {
    return noOptions
        || !options.isEmpty()
        || subcommandOptions.values().stream().anyMatch(table -> !table.isEmpty());
  }

  /** Returns whether options the rule does not list are let through, at the integrator's risk. */
  public boolean unvettedOptionsAtOwnRisk() {
    return unvetted;
  }

  /** Returns a builder holding this rule's values. */
  public ProgramBuilder toBuilder() {
    ProgramBuilder b = new ProgramBuilder(name);
    b.syntax = syntax;
    b.readOnly = readOnly;
    b.operandsArePaths = operandsArePaths;
    b.options = options.toBuilder();
    b.subcommands.addAll(subcommands);
    b.subcommandOptions.putAll(subcommandOptions);
    b.fixedArguments.addAll(fixedArguments);
    subcommandArguments.forEach((k, v) -> b.subcommandArguments.put(k, new ArrayList<>(v)));
    b.environment.putAll(environment);
    b.maxArguments = maxArguments;
    b.maxArgumentLength = maxArgumentLength;
    b.launcherOperands = launcherOperands;
    b.oldStyleOptions = oldStyleOptions;
    b.scriptOptions.addAll(scriptOptions);
    b.noOptions = noOptions;
    b.unvetted = unvetted;
    return b;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Program that && key().equals(that.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return "Program[" + name + "]";
  }

  private List<Object> key() {
    return List.of(
        name,
        syntax,
        readOnly,
        operandsArePaths,
        options,
        subcommands,
        subcommandOptions,
        fixedArguments,
        subcommandArguments,
        environment,
        List.of(maxArguments, maxArgumentLength, launcherOperands),
        List.of(oldStyleOptions, noOptions, unvetted),
        scriptOptions);
  }
}
