package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.OptionKind;
import dev.xct.tools.shell.Options;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays a {@link Profile} over a rule for the same program, so that what XCT knows about the program
 * holds whoever wrote the rule. Stateless and thread-safe.
 *
 * <p>The rule keeps what it decides: which subcommands are allowed, whether the program may write,
 * its limits, launcher operands, and, when it lists options, which options are accepted (a rule
 * narrows, it is never widened). The profile contributes facts and protections: the kind of every
 * option both know (a rule that calls a file a plain value is corrected), every denial, its fixed
 * arguments (before the rule's), its environment (over the rule's), its syntax and old-style option
 * letters. A rule that lists no options takes the profile's whole table.
 */
public final class Hardening {
  private Hardening() {}

  /** Returns {@code rule} with {@code profile} laid over it. */
  public static Program harden(Program rule, Profile profile) {
    Program facts = profile.facts();
    boolean own = listsOptions(rule);
    ProgramBuilder b =
        Program.builder(rule.name())
            .syntax(facts.syntax())
            .readOnly(rule.readOnly())
            .maxArguments(rule.maxArguments())
            .maxArgumentLength(rule.maxArgumentLength())
            .launcher(rule.launcherOperands());
    if (!rule.operandsArePaths() && !facts.operandsArePaths()) {
      b.operandsAreNotPaths();
    }
    if (rule.oldStyleOptions() || facts.oldStyleOptions()) {
      b.oldStyleOptions();
    }
    List<String> script =
        rule.scriptOptions().isEmpty() ? facts.scriptOptions() : rule.scriptOptions();
    b.scriptOperand(script.toArray(String[]::new));
    if (rule.unvettedOptionsAtOwnRisk()) {
      b.unvettedOptionsAtOwnRisk();
    }
    b.options(
        corrected(
            own ? rule.options() : facts.options().with(denials(rule.options())), facts.options()));
    b.subcommands(rule.subcommands().toArray(String[]::new));
    for (String subcommand : rule.subcommands()) {
      Options table =
          own
              ? corrected(rule.optionsFor(subcommand), facts.optionsFor(subcommand))
              : facts
                  .subcommandOptions()
                  .getOrDefault(subcommand, Options.none())
                  .with(denials(rule.optionsFor(subcommand)));
      b.subcommandOptions(subcommand, table);
      b.subcommandArguments(
          subcommand,
          joined(
                  facts.subcommandArguments().getOrDefault(subcommand, List.of()),
                  rule.subcommandArguments().getOrDefault(subcommand, List.of()))
              .toArray(String[]::new));
    }
    b.fixedArguments(joined(facts.fixedArguments(), rule.fixedArguments()).toArray(String[]::new));
    rule.environment().forEach(b::environment);
    facts.environment().forEach(b::environment);
    return b.build();
  }

  /**
   * Returns whether the rule says which options it accepts: it lists some, or it declared that it
   * takes none and denies nothing. A rule that only denies options narrows the profile's table.
   */
  private static boolean listsOptions(Program rule) {
    boolean kinds =
        !rule.options().kinds().isEmpty()
            || rule.subcommandOptions().values().stream().anyMatch(t -> !t.kinds().isEmpty());
    boolean denials =
        !rule.options().denied().isEmpty()
            || rule.subcommandOptions().values().stream().anyMatch(t -> !t.denied().isEmpty());
    return kinds || rule.declaresOptions() && !denials;
  }

  private static Options denials(Options table) {
    Options.Builder b = Options.builder();
    table.denied().forEach(b::deniedOption);
    return b.build();
  }

  /** Returns {@code table} with each option's kind as {@code facts} knows it, and every denial. */
  private static Options corrected(Options table, Options facts) {
    Options.Builder b = Options.builder();
    for (Map.Entry<String, OptionKind> entry : table.kinds().entrySet()) {
      if (!facts.denied().containsKey(entry.getKey())) {
        b.options(facts.kind(entry.getKey()).orElse(entry.getValue()), entry.getKey());
      }
    }
    table.denied().forEach(b::deniedOption);
    facts.denied().forEach(b::deniedOption);
    return b.build();
  }

  /** Returns {@code first} then {@code second}, unless {@code second} already starts with it. */
  private static List<String> joined(List<String> first, List<String> second) {
    if (second.size() >= first.size() && second.subList(0, first.size()).equals(first)) {
      return second;
    }
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
