package dev.xct.policy.internal;

import dev.xct.core.XctException;
import dev.xct.tools.shell.OptionSyntax;
import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Turns one entry of a policy file's {@code shell.programs} into a {@link Program}: a vetted
 * preset, narrowed by the entry's fields ({@link PresetNarrowing}), or a rule written from scratch.
 * Reports as problems what {@code ShellTools} would refuse when run or replay build the tools: a
 * rule the program builder rejects, and a rule for a program XCT has no profile of that declares no
 * options ({@link Presets#vettingProblem}). Stateless.
 */
final class ShellPrograms {
  /** The fields that list accepted options, each with the kind it declares. */
  static final List<String> OPTION_FIELDS =
      List.of(
          "flags",
          "value_options",
          "path_options",
          "optional_value_options",
          "optional_path_options");

  private ShellPrograms() {}

  /** Returns the program, or empty after reporting each problem to {@code problems}. */
  static Optional<Program> read(JsonNode node, String at, BiConsumer<String, String> problems) {
    String preset = node.path("preset").asString(null);
    String name = node.path("name").asString(null);
    if (preset == null && name == null) {
      problems.accept(at, "a program needs a preset or a name");
      return Optional.empty();
    }
    if (preset != null && name != null && !preset.equals(name)) {
      problems.accept(
          at + "/name", "the preset '" + preset + "' runs '" + preset + "', not '" + name + "'");
      return Optional.empty();
    }
    if (!consistent(node, at, problems)) {
      return Optional.empty();
    }
    try {
      Optional<Program> program =
          preset != null
              ? PresetNarrowing.narrow(preset(preset), node, at, problems)
              : Optional.of(rule(name, node));
      Optional<String> unvetted = program.flatMap(Presets::vettingProblem);
      if (unvetted.isPresent()) {
        problems.accept(at, unvetted.get());
        return Optional.empty();
      }
      return program;
    } catch (XctException e) {
      problems.accept(at, e.getMessage());
      return Optional.empty();
    }
  }

  /** Reports {@code no_options} combined with fields it contradicts. */
  private static boolean consistent(JsonNode node, String at, BiConsumer<String, String> problems) {
    if (!node.path("no_options").asBoolean(false)) {
      return true;
    }
    boolean fine = true;
    for (String field : contradicting()) {
      JsonNode value = node.path(field);
      if (!value.isMissingNode() && !(value.isBoolean() && !value.asBoolean())) {
        problems.accept(
            at + "/" + field,
            "no_options: true refuses every option; it cannot be combined with " + field);
        fine = false;
      }
    }
    return fine;
  }

  private static List<String> contradicting() {
    List<String> fields = new ArrayList<>(OPTION_FIELDS);
    fields.add("denied_options");
    fields.add("unvetted_options_at_own_risk");
    return fields;
  }

  private static Program rule(String name, JsonNode node) {
    ProgramBuilder builder = Program.builder(name);
    builder.subcommands(strings(node.path("subcommands")));
    // Denials first, so that an option both denied and listed is a problem, not a silent denial.
    applyCommon(node, builder);
    builder.flags(strings(node.path("flags")));
    builder.valueOptions(strings(node.path("value_options")));
    builder.pathOptions(strings(node.path("path_options")));
    builder.optionalValueOptions(strings(node.path("optional_value_options")));
    builder.optionalPathOptions(strings(node.path("optional_path_options")));
    if (node.path("no_options").asBoolean(false)) {
      builder.noOptions();
    }
    if (node.path("unvetted_options_at_own_risk").asBoolean(false)) {
      builder.unvettedOptionsAtOwnRisk();
    }
    return builder.build();
  }

  /** Applies the fields a preset and a rule share: they add limits and trusted values. */
  static void applyCommon(JsonNode node, ProgramBuilder builder) {
    if (node.has("syntax")) {
      builder.syntax(
          "single-dash".equals(node.get("syntax").asString())
              ? OptionSyntax.SINGLE_DASH
              : OptionSyntax.GNU);
    }
    if (node.has("read_only")) {
      builder.readOnly(node.get("read_only").asBoolean());
    }
    if (!node.path("operands_are_paths").asBoolean(true)) {
      builder.operandsAreNotPaths();
    }
    builder.fixedArguments(strings(node.path("fixed_arguments")));
    for (Map.Entry<String, JsonNode> denied : node.path("denied_options").properties()) {
      builder.deniedOption(denied.getKey(), denied.getValue().asString());
    }
    for (Map.Entry<String, JsonNode> variable : node.path("environment").properties()) {
      builder.environment(variable.getKey(), variable.getValue().asString());
    }
    if (node.has("max_arguments")) {
      builder.maxArguments(node.get("max_arguments").asInt());
    }
    if (node.has("max_argument_length")) {
      builder.maxArgumentLength(node.get("max_argument_length").asInt());
    }
  }

  static String[] strings(JsonNode node) {
    return PolicyReader.strings(node).toArray(String[]::new);
  }

  private static Program preset(String name) {
    return Presets.all().stream()
        .filter(preset -> preset.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new XctException("there is no preset '" + name + "'"));
  }
}
