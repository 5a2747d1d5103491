package dev.xct.cli.policy.internal;

import dev.xct.core.XctException;
import dev.xct.tools.shell.OptionSyntax;
import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Program;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Turns one entry of a policy file's {@code shell.programs} into a {@link Program}: a vetted preset
 * narrowed by the entry's fields, or a rule written from scratch. Stateless.
 */
final class ShellPrograms {
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
    try {
      Program.Builder builder = preset != null ? preset(preset).toBuilder() : Program.builder(name);
      apply(node, builder);
      return Optional.of(builder.build());
    } catch (XctException e) {
      problems.accept(at, e.getMessage());
      return Optional.empty();
    }
  }

  private static void apply(JsonNode node, Program.Builder builder) {
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
    builder.subcommands(array(node.path("subcommands")));
    builder.fixedArguments(array(node.path("fixed_arguments")));
    for (Map.Entry<String, JsonNode> denied : node.path("denied_options").properties()) {
      builder.deniedOption(denied.getKey(), denied.getValue().asString());
    }
    builder.valueOptions(array(node.path("value_options")));
    builder.pathOptions(array(node.path("path_options")));
    builder.flags(array(node.path("flags")));
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

  private static String[] array(JsonNode node) {
    List<String> values = PolicyReader.strings(node);
    return values.toArray(String[]::new);
  }

  private static Program preset(String name) {
    return switch (name) {
      case "cat" -> Presets.cat();
      case "diff" -> Presets.diff();
      case "find" -> Presets.find();
      case "git" -> Presets.git();
      case "grep" -> Presets.grep();
      case "head" -> Presets.head();
      case "ls" -> Presets.ls();
      case "tail" -> Presets.tail();
      case "wc" -> Presets.wc();
      default -> throw new XctException("there is no preset '" + name + "'");
    };
  }
}
