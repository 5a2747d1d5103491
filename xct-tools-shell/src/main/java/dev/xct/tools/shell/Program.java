package dev.xct.tools.shell;

import dev.xct.core.XctException;
import dev.xct.tools.shell.internal.check.ProgramRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * list is refused, unless the rule is {@linkplain Builder#unvettedOptionsAtOwnRisk() unvetted}.
 *
 * <p>{@code ShellTools} refuses, when it is built, a rule that declares no options at all (neither
 * {@link Builder#noOptions()} nor any option) for a program XCT has no profile of, unless the rule
 * is unvetted. For a program XCT does have a profile of ({@code git}, {@code sed}, {@code tar},
 * {@code sort}, {@code find}, {@code diff}, {@code grep}, {@code ls}, ...; found by name or by the
 * file the name resolves to), the profile's option kinds, denials, fixed arguments and environment
 * are laid over the rule, so a hand-written rule cannot forget what the profile knows.
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

  private Program(Builder b) {
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
  public static Builder builder(String name) {
    if (name == null || !NAME_PATTERN.matcher(name).matches()) {
      throw new XctException("program name '" + name + "' must match " + NAME_PATTERN);
    }
    return new Builder(name);
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

  /** Returns whether the rule declares its options (any option, or {@link Builder#noOptions()}). */
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
  public Builder toBuilder() {
    Builder b = new Builder(name);
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

  /** Configures a {@link Program}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final String name;
    private OptionSyntax syntax = OptionSyntax.GNU;
    private boolean readOnly;
    private boolean operandsArePaths = true;
    private Options.Builder options = Options.builder();
    private final List<String> subcommands = new ArrayList<>();
    private final Map<String, Options> subcommandOptions = new LinkedHashMap<>();
    private final List<String> fixedArguments = new ArrayList<>();
    private final Map<String, List<String>> subcommandArguments = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int maxArguments = 64;
    private int maxArgumentLength = 4096;
    private int launcherOperands = -1;
    private boolean oldStyleOptions;
    private final List<String> scriptOptions = new ArrayList<>();
    private boolean noOptions;
    private boolean unvetted;

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

    /** Lays {@code options} over the program's options after {@code subcommand}. */
    public Builder subcommandOptions(String subcommand, Options options) {
      Objects.requireNonNull(subcommand, "subcommand");
      subcommandOptions.merge(subcommand, Objects.requireNonNull(options), Options::with);
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

    /** Lays {@code table} over the program's options (kinds replaced, denials added). */
    public Builder options(Options table) {
      this.options = options.build().with(table).toBuilder();
      return this;
    }

    /** Denies {@code option} in every spelling; the model is told {@code reason}. */
    public Builder deniedOption(String option, String reason) {
      options.deniedOption(option, reason);
      return this;
    }

    /** Denies each of {@code options} in every spelling, with a generic reason. */
    public Builder deniedOptions(String... options) {
      this.options.deniedOptions(options);
      return this;
    }

    /** Accepts options that take no value. */
    public Builder flags(String... options) {
      this.options.flags(options);
      return this;
    }

    /** Accepts options that require a value that is not a path. */
    public Builder valueOptions(String... options) {
      this.options.valueOptions(options);
      return this;
    }

    /** Accepts options that require a path, which is confined to the roots like an operand. */
    public Builder pathOptions(String... options) {
      this.options.pathOptions(options);
      return this;
    }

    /** Accepts options whose value is optional and attached only ({@code --color[=WHEN]}). */
    public Builder optionalValueOptions(String... options) {
      this.options.optionalValueOptions(options);
      return this;
    }

    /** Accepts options whose optional, attached-only value is a path, confined to the roots. */
    public Builder optionalPathOptions(String... options) {
      this.options.optionalPathOptions(options);
      return this;
    }

    /** Declares that the program takes no options: every option-like argument is refused. */
    public Builder noOptions() {
      this.noOptions = true;
      return this;
    }

    /**
     * Lets options this rule does not list through to the program, checked only against the denied
     * options and the kinds declared here. For programs the integrator has vetted elsewhere, at the
     * integrator's own risk: an option nobody listed may run code or read outside the roots, and
     * only the sandbox then contains it. {@code xct policy check} warns about such rules.
     */
    public Builder unvettedOptionsAtOwnRisk() {
      this.unvetted = true;
      return this;
    }

    /**
     * Declares that the program reads a first argument without a leading dash as option letters, as
     * {@code tar} reads {@code tar xzf a.tgz}. Such an argument is refused, with a message that
     * asks for the dashed form: old-style letters take their values from the following arguments in
     * turn ({@code tar xfC a.tar dir}), and fixed arguments before them change the reading.
     */
    public Builder oldStyleOptions() {
      this.oldStyleOptions = true;
      return this;
    }

    /**
     * Declares that the first operand is a script or pattern, not a path, unless an argument that
     * could be one of {@code options} (which supply it otherwise) is given: {@code sed s/a/b/ f}
     * with {@code ("-e", "--expression", "-f", "--file")}. Any argument that might spell one of
     * them, an abbreviation or a letter in a bundle, counts, so the first operand is checked as a
     * path whenever the program might read it as one.
     */
    public Builder scriptOperand(String... options) {
      scriptOptions.addAll(List.of(options));
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
     * stop parsing its options at its first operand, as coreutils' launchers do. Its own operands
     * are paths unless {@link #operandsAreNotPaths()}.
     */
    public Builder launcher(int ownOperands) {
      this.launcherOperands = ownOperands;
      return this;
    }

    /**
     * Returns the immutable rule.
     *
     * @throws XctException if the rule is inconsistent: a malformed subcommand, option or variable
     *     name, an option both denied and accepted, arguments or options for a subcommand that is
     *     not allowed, a limit out of range, or a launcher with subcommands
     */
    public Program build() {
      Program program = new Program(this);
      ProgramRules.validate(program);
      return program;
    }
  }
}
