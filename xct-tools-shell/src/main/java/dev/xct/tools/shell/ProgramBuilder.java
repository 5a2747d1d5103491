package dev.xct.tools.shell;

import dev.xct.core.XctException;
import dev.xct.tools.shell.internal.check.ProgramRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link Program}; start one with {@link Program#builder(String)}. Every method
 * returns this builder; {@link #build()} validates and copies its state, so the builder may be
 * reused.
 *
 * <p>Not thread-safe.
 */
public final class ProgramBuilder {
  final String name;
  OptionSyntax syntax = OptionSyntax.GNU;
  boolean readOnly;
  boolean operandsArePaths = true;
  Options.Builder options = Options.builder();
  final List<String> subcommands = new ArrayList<>();
  final Map<String, Options> subcommandOptions = new LinkedHashMap<>();
  final List<String> fixedArguments = new ArrayList<>();
  final Map<String, List<String>> subcommandArguments = new LinkedHashMap<>();
  final Map<String, String> environment = new LinkedHashMap<>();
  int maxArguments = 64;
  int maxArgumentLength = 4096;
  int launcherOperands = -1;
  boolean oldStyleOptions;
  final List<String> scriptOptions = new ArrayList<>();
  boolean noOptions;
  boolean unvetted;

  ProgramBuilder(String name) {
    this.name = name;
  }

  /** Sets how the program spells its options; {@link OptionSyntax#GNU} by default. */
  public ProgramBuilder syntax(OptionSyntax syntax) {
    this.syntax = Objects.requireNonNull(syntax, "syntax");
    return this;
  }

  /** Declares that the program, restricted by this rule, changes nothing. */
  public ProgramBuilder readOnly(boolean readOnly) {
    this.readOnly = readOnly;
    return this;
  }

  /** Declares that operands are data (patterns, durations), not paths. */
  public ProgramBuilder operandsAreNotPaths() {
    this.operandsArePaths = false;
    return this;
  }

  /** Requires the first argument to be one of {@code names}; no option may precede it. */
  public ProgramBuilder subcommands(String... names) {
    subcommands.addAll(List.of(names));
    return this;
  }

  /** Lays {@code options} over the program's options after {@code subcommand}. */
  public ProgramBuilder subcommandOptions(String subcommand, Options options) {
    Objects.requireNonNull(subcommand, "subcommand");
    subcommandOptions.merge(subcommand, Objects.requireNonNull(options), Options::with);
    return this;
  }

  /** Adds trusted arguments inserted right after the program name on every run. */
  public ProgramBuilder fixedArguments(String... arguments) {
    fixedArguments.addAll(List.of(arguments));
    return this;
  }

  /** Adds trusted arguments inserted right after {@code subcommand} on every run of it. */
  public ProgramBuilder subcommandArguments(String subcommand, String... arguments) {
    subcommandArguments
        .computeIfAbsent(subcommand, key -> new ArrayList<>())
        .addAll(List.of(arguments));
    return this;
  }

  /** Lays {@code table} over the program's options (kinds replaced, denials added). */
  public ProgramBuilder options(Options table) {
    this.options = options.build().with(table).toBuilder();
    return this;
  }

  /** Denies {@code option} in every spelling; the model is told {@code reason}. */
  public ProgramBuilder deniedOption(String option, String reason) {
    options.deniedOption(option, reason);
    return this;
  }

  /** Denies each of {@code options} in every spelling, with a generic reason. */
  public ProgramBuilder deniedOptions(String... options) {
    this.options.deniedOptions(options);
    return this;
  }

  /** Accepts options that take no value. */
  public ProgramBuilder flags(String... options) {
    this.options.flags(options);
    return this;
  }

  /** Accepts options that require a value that is not a path. */
  public ProgramBuilder valueOptions(String... options) {
    this.options.valueOptions(options);
    return this;
  }

  /** Accepts options that require a path, which is confined to the roots like an operand. */
  public ProgramBuilder pathOptions(String... options) {
    this.options.pathOptions(options);
    return this;
  }

  /** Accepts options whose value is optional and attached only ({@code --color[=WHEN]}). */
  public ProgramBuilder optionalValueOptions(String... options) {
    this.options.optionalValueOptions(options);
    return this;
  }

  /** Accepts options whose optional, attached-only value is a path, confined to the roots. */
  public ProgramBuilder optionalPathOptions(String... options) {
    this.options.optionalPathOptions(options);
    return this;
  }

  /** Declares that the program takes no options: every option-like argument is refused. */
  public ProgramBuilder noOptions() {
    this.noOptions = true;
    return this;
  }

  /**
   * Lets options this rule does not list through to the program, checked only against the denied
   * options and the kinds declared here. For programs the integrator has vetted elsewhere, at the
   * integrator's own risk: an option nobody listed may run code or read outside the roots, and only
   * the sandbox then contains it. {@code xct policy check} warns about such rules.
   */
  public ProgramBuilder unvettedOptionsAtOwnRisk() {
    this.unvetted = true;
    return this;
  }

  /**
   * Declares that the program reads a first argument without a leading dash as option letters, as
   * {@code tar} reads {@code tar xzf a.tgz}. Such an argument is refused, with a message that asks
   * for the dashed form: old-style letters take their values from the following arguments in turn
   * ({@code tar xfC a.tar dir}), and fixed arguments before them change the reading.
   */
  public ProgramBuilder oldStyleOptions() {
    this.oldStyleOptions = true;
    return this;
  }

  /**
   * Declares that the first operand is a script or pattern, not a path, unless an argument that
   * could be one of {@code options} (which supply it otherwise) is given: {@code sed s/a/b/ f} with
   * {@code ("-e", "--expression", "-f", "--file")}. Any argument that might spell one of them, an
   * abbreviation or a letter in a bundle, counts, so the first operand is checked as a path
   * whenever the program might read it as one.
   */
  public ProgramBuilder scriptOperand(String... options) {
    scriptOptions.addAll(List.of(options));
    return this;
  }

  /** Sets an environment variable for this program; the integrator's value, never the model's. */
  public ProgramBuilder environment(String variable, String value) {
    environment.put(
        Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Limits how many arguments the model may pass after the program name; 64 by default. */
  public ProgramBuilder maxArguments(int max) {
    this.maxArguments = max;
    return this;
  }

  /** Limits the length of each argument in characters; 4096 by default. */
  public ProgramBuilder maxArgumentLength(int max) {
    this.maxArgumentLength = max;
    return this;
  }

  /**
   * Declares the program a launcher: after its own options and {@code ownOperands} operands, the
   * rest of the line is an inner command, checked against the same allowlist. The launcher must
   * stop parsing its options at its first operand, as coreutils' launchers do. Its own operands are
   * paths unless {@link #operandsAreNotPaths()}.
   */
  public ProgramBuilder launcher(int ownOperands) {
    this.launcherOperands = ownOperands;
    return this;
  }

  /**
   * Returns the immutable rule.
   *
   * @throws XctException if the rule is inconsistent: a malformed subcommand, option or variable
   *     name, an option both denied and accepted, arguments or options for a subcommand that is not
   *     allowed, a limit out of range, or a launcher with subcommands
   */
  public Program build() {
    Program program = new Program(this);
    ProgramRules.validate(program);
    return program;
  }
}
