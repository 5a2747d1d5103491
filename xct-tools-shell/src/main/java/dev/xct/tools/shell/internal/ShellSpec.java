package dev.xct.tools.shell.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.shell.internal.config.ResolvedProgram;
import dev.xct.tools.shell.internal.config.ShellConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Describes {@code shell.exec} to the model: its description (the allowlist and the rules of the
 * game), the JSON Schema of its arguments, hints and timeout. Stateless and thread-safe.
 */
public final class ShellSpec {
  /** Extra time the loop grants the tool beyond the longest command, to kill and collect. */
  private static final Duration SPEC_GRACE = Duration.ofSeconds(2);

  private ShellSpec() {}

  /** Returns the spec: name, description listing the allowlist, schema, hints and timeout. */
  public static ToolSpec of(ShellConfig config) {
    boolean readOnly = config.programs().values().stream().allMatch(p -> p.rule().readOnly());
    ToolSpec.Builder spec =
        ToolSpec.builder(config.toolName())
            .description(description(config))
            .inputSchema(schema(config))
            .timeout(config.maxTimeout().plus(SPEC_GRACE));
    return (readOnly ? spec.readOnly() : spec.destructive()).build();
  }

  private static String description(ShellConfig config) {
    String programs =
        config.programs().values().stream()
            .map(ResolvedProgram::rule)
            .map(
                rule ->
                    rule.subcommands().isEmpty()
                        ? rule.name()
                        : rule.name() + " (" + String.join(", ", rule.subcommands()) + ")")
            .collect(Collectors.joining(", "));
    return "Runs one allowlisted program directly from an argv list, without a shell: no pipes,"
        + " redirection, globbing, variables, quoting or command substitution; each argv element"
        + " reaches the program as it is. Allowed programs: "
        + programs
        + ". Only the options each program accepts are allowed; write options with a dash and give"
        + " counts with -n rather than as -5. Paths and cwd must stay inside the working root (cwd"
        + " is relative to it)"
        + (config.sandbox().isPresent()
            ? "; commands run in a sandbox that sees only the roots"
                + (config.sandbox().get().network() ? "" : " and has no network")
            : "")
        + ". Exit code 0"
        + " returns stdout, stderr and the exit code; any other exit returns the error"
        + " COMMAND_FAILED with the output. Output beyond "
        + config.maxOutputBytes()
        + " bytes per stream is cut (flag OUTPUT_TRUNCATED). timeout_ms defaults to "
        + config.defaultTimeout().toMillis()
        + " and is capped at "
        + config.maxTimeout().toMillis()
        + ".";
  }

  private static JsonValue schema(ShellConfig config) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "argv",
        Map.of(
            "type",
            "array",
            "minItems",
            1,
            "maxItems",
            config.maxArgv(),
            "items",
            Map.of("type", "string"),
            "description",
            "program name, then its arguments, e.g. [\"git\", \"log\", \"-n\", \"5\"]"));
    if (config.commandString()) {
      properties.put(
          "command",
          Map.of(
              "type",
              "string",
              "description",
              "instead of argv: words separated by spaces, no quoting, no shell"
                  + " metacharacters"));
    }
    properties.put(
        "cwd", Map.of("type", "string", "description", "working directory relative to the root"));
    properties.put(
        "stdin", Map.of("type", "string", "description", "text for standard input; else closed"));
    properties.put(
        "timeout_ms",
        Map.of("type", "integer", "minimum", 1, "description", "timeout, capped by the tool"));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("additionalProperties", false);
    if (config.commandString()) {
      schema.put(
          "oneOf",
          List.of(Map.of("required", List.of("argv")), Map.of("required", List.of("command"))));
    } else {
      schema.put("required", List.of("argv"));
    }
    return JsonValue.from(schema);
  }
}
