package dev.xct.tools.shell;

import dev.xct.core.CancellationToken;
import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls a {@link ShellTools} the way the loop does: validator first, then the tool. */
final class Shell {
  final ShellTools tools;

  Shell(ShellTools tools) {
    this.tools = tools;
  }

  /** Returns arguments {@code {"argv": [...]}}. */
  static Map<String, Object> argv(String... argv) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("argv", Arrays.asList(argv));
    return arguments;
  }

  /** Returns {@code arguments} plus one more member. */
  static Map<String, Object> with(Map<String, Object> arguments, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(arguments);
    copy.put(key, value);
    return copy;
  }

  /** Returns the validator's verdict. */
  Verdict validate(Map<String, Object> arguments) {
    ToolRegistry registry = ToolRegistry.builder().addAll(tools.toolkit().tools()).build();
    ValidationContext context =
        new ValidationContext(
            "run", 1, registry, RunStats.builder(Instant.now()).build(), Instant.now());
    return tools
        .toolkit()
        .validators()
        .get(0)
        .check(Decision.propose(tools.spec().name(), JsonValue.from(arguments), "test"), context);
  }

  /** Returns the call the loop would make with {@code arguments}. */
  static ToolCall call(Shell shell, Map<String, Object> arguments) {
    return new ToolCall(shell.tools.spec().name(), JsonValue.from(arguments), "test");
  }

  /** Returns a tool context with a generous deadline. */
  static ToolContext context() {
    return new ToolContext(
        "run",
        1,
        Instant.now().plus(Duration.ofSeconds(60)),
        CancellationToken.create(),
        Clock.systemUTC());
  }

  /** Runs the tool directly (without the validator) with a generous deadline. */
  Result execute(Map<String, Object> arguments) {
    return execute(arguments, CancellationToken.create(), Duration.ofSeconds(60));
  }

  /** Runs the tool directly with the given cancellation token and step deadline. */
  Result execute(Map<String, Object> arguments, CancellationToken token, Duration deadline) {
    ToolContext context =
        new ToolContext("run", 1, Instant.now().plus(deadline), token, Clock.systemUTC());
    return tools
        .toolkit()
        .tools()
        .get(0)
        .execute(new ToolCall(tools.spec().name(), JsonValue.from(arguments), "test"), context);
  }

  /**
   * What a command printed and how it exited.
   *
   * @param exitCode the exit code
   * @param output stdout and stderr, merged
   */
  record Ran(int exitCode, String output) {}

  /**
   * Runs the command the tool's preview describes (argv, working directory, the rules' environment
   * on top of PATH and {@code home}) directly, unconfined, skipping every check the tool makes at
   * execution: a test of the hardened command line on its own.
   */
  static Ran runPreviewDirectly(Shell shell, Map<String, Object> arguments, Path home)
      throws IOException, InterruptedException {
    JsonValue preview =
        shell
            .tools
            .toolkit()
            .tools()
            .get(0)
            .preview(call(shell, arguments), context())
            .orElseThrow();
    List<String> command = Arrays.asList(preview.get("command").orElseThrow().bind(String[].class));
    String cwd = preview.get("cwd").flatMap(JsonValue::asString).orElseThrow();
    ProcessBuilder builder = new ProcessBuilder(command).directory(new java.io.File(cwd));
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("HOME", home.toString());
    preview
        .get("environment")
        .orElseThrow()
        .toNode()
        .properties()
        .forEach(
            entry -> builder.environment().put(entry.getKey(), entry.getValue().stringValue()));
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Ran(process.waitFor(), output);
  }

  /** Returns the failure's code, or "SUCCESS". */
  static String code(Result result) {
    return result instanceof Result.Failure failure ? failure.code() : "SUCCESS";
  }

  /** Returns a member of the result (success) or the details (failure) as text. */
  static String field(Result result, String name) {
    JsonValue value =
        result instanceof Result.Success success
            ? success.result()
            : ((Result.Failure) result).details();
    return value.get(name).map(v -> v.asString().orElse(v.toJson())).orElse(null);
  }

  /** Returns the flags of a result or of a failure's details. */
  static List<String> flags(Result result) {
    String json = field(result, "flags");
    return json == null ? List.of() : Arrays.asList(JsonValue.parse(json).bind(String[].class));
  }
}
