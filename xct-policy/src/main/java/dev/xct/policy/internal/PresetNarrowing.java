package dev.xct.policy.internal;

import dev.xct.tools.shell.Options;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ProgramBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Narrows a preset by a policy entry's fields, and never widens it: {@code subcommands} and the
 * option lists choose among the preset's own (each keeps the kind the preset gives it; anything
 * else is a problem), {@code no_options} drops every option, {@code denied_options} adds denials,
 * and {@code unvetted_options_at_own_risk} is a problem, since a preset is vetted. The shared
 * fields (limits, fixed arguments, environment) apply as for any rule. Stateless.
 */
final class PresetNarrowing {
  private PresetNarrowing() {}

  /** Returns the narrowed preset, or empty after reporting each problem to {@code problems}. */
  static Optional<Program> narrow(
      Program preset, JsonNode node, String at, BiConsumer<String, String> problems) {
    if (widenings(node, at, preset, problems) > 0) {
      return Optional.empty();
    }
    List<String> subcommands =
        node.has("subcommands")
            ? List.of(ShellPrograms.strings(node.get("subcommands")))
            : preset.subcommands();
    boolean noOptions = node.path("no_options").asBoolean(false);
    Set<String> listed = listed(node);
    if (!node.has("subcommands") && listed == null && !noOptions) {
      ProgramBuilder unchanged = preset.toBuilder();
      ShellPrograms.applyCommon(node, unchanged);
      return Optional.of(unchanged.build());
    }
    ProgramBuilder b = base(preset);
    b.options(noOptions ? Options.none() : chosen(preset.options(), listed));
    for (String subcommand : subcommands) {
      b.subcommands(subcommand);
      Options table = preset.subcommandOptions().get(subcommand);
      if (table != null && !noOptions) {
        b.subcommandOptions(subcommand, chosen(table, listed));
      }
      List<String> fixed = preset.subcommandArguments().get(subcommand);
      if (fixed != null) {
        b.subcommandArguments(subcommand, fixed.toArray(String[]::new));
      }
    }
    if (noOptions) {
      b.noOptions();
    }
    ShellPrograms.applyCommon(node, b);
    return Optional.of(b.build());
  }

  /** Reports what would widen the preset; returns how many problems there were. */
  private static int widenings(
      JsonNode node, String at, Program preset, BiConsumer<String, String> problems) {
    String name = preset.name();
    String instead = "; a preset is only narrowed: write a rule with name: " + name + " instead";
    int found = 0;
    if (node.path("unvetted_options_at_own_risk").asBoolean(false)) {
      problems.accept(
          at + "/unvetted_options_at_own_risk", "the preset '" + name + "' is vetted" + instead);
      found++;
    }
    JsonNode subcommands = node.path("subcommands");
    for (int i = 0; i < subcommands.size(); i++) {
      String subcommand = subcommands.get(i).asString();
      if (!preset.subcommands().contains(subcommand)) {
        problems.accept(
            at + "/subcommands/" + i,
            "the preset '" + name + "' has no subcommand '" + subcommand + "'" + instead);
        found++;
      }
    }
    Set<String> accepted = new HashSet<>(preset.options().kinds().keySet());
    preset.subcommandOptions().values().forEach(t -> accepted.addAll(t.kinds().keySet()));
    for (String field : ShellPrograms.OPTION_FIELDS) {
      JsonNode options = node.path(field);
      for (int i = 0; i < options.size(); i++) {
        String option = options.get(i).asString();
        if (!accepted.contains(option)) {
          problems.accept(
              at + "/" + field + "/" + i,
              "the preset '" + name + "' does not accept " + option + instead);
          found++;
        }
      }
    }
    return found;
  }

  /** Returns the options the entry lists, or null when it lists none. */
  private static Set<String> listed(JsonNode node) {
    Set<String> listed = null;
    for (String field : ShellPrograms.OPTION_FIELDS) {
      if (node.has(field)) {
        listed = listed == null ? new HashSet<>() : listed;
        listed.addAll(List.of(ShellPrograms.strings(node.get(field))));
      }
    }
    return listed;
  }

  /** Returns {@code table}'s denials and, of its options, those {@code listed} (all if null). */
  private static Options chosen(Options table, Set<String> listed) {
    Options.Builder b = Options.builder();
    table
        .kinds()
        .forEach(
            (option, kind) -> {
              if (listed == null || listed.contains(option)) {
                b.options(kind, option);
              }
            });
    table.denied().forEach(b::deniedOption);
    return b.build();
  }

  /** Returns a builder with everything of {@code preset} but its options and subcommands. */
  private static ProgramBuilder base(Program preset) {
    ProgramBuilder b =
        Program.builder(preset.name())
            .syntax(preset.syntax())
            .readOnly(preset.readOnly())
            .maxArguments(preset.maxArguments())
            .maxArgumentLength(preset.maxArgumentLength())
            .launcher(preset.launcherOperands())
            .fixedArguments(preset.fixedArguments().toArray(String[]::new))
            .scriptOperand(preset.scriptOptions().toArray(String[]::new));
    if (!preset.operandsArePaths()) {
      b.operandsAreNotPaths();
    }
    if (preset.oldStyleOptions()) {
      b.oldStyleOptions();
    }
    preset.environment().forEach(b::environment);
    return b;
  }
}
