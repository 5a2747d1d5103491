package dev.xct.tools.shell.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.PathAccess;
import dev.xct.tools.fs.PathResolution;
import dev.xct.tools.shell.Program;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a {@code shell.exec} call may run and, if so, exactly what runs: the one piece of
 * code behind both the {@code shell-allowlist} validator and the tool itself.
 *
 * <p>Checks, in order: the shape of the arguments; NUL bytes, broken UTF-16 and the size of the
 * argv; the program name (a bare allowlisted name); the working directory (inside the root,
 * symbolic links followed); every argument against the program's rule, launchers' inner commands
 * against the same allowlist; stdin size; the timeout (capped). Reads the file system (to follow
 * links) and changes nothing. Immutable and thread-safe.
 */
public final class CommandPolicy {
  private static final int MAX_LAUNCHER_DEPTH = 4;
  private static final Set<String> KEYS = Set.of("argv", "command", "cwd", "stdin", "timeout_ms");

  private final ShellConfig config;

  /** Creates the policy for {@code config}. */
  public CommandPolicy(ShellConfig config) {
    this.config = config;
  }

  /** Holds the verdict on one call. */
  public sealed interface Checked permits Accepted, Rejected {}

  /**
   * The call may run.
   *
   * @param command exactly what runs
   */
  public record Accepted(PreparedCommand command) implements Checked {}

  /**
   * The call is refused.
   *
   * @param failure the failure for the model
   */
  public record Rejected(Result.Failure failure) implements Checked {}

  /** Returns the configuration this policy enforces. */
  public ShellConfig config() {
    return config;
  }

  /** Checks the arguments of one call. */
  public Checked check(JsonValue arguments) {
    JsonNode node = arguments.toNode();
    if (!node.isObject()) {
      return reject(Refusals.invalid("the arguments must be a JSON object"));
    }
    for (String key : node.propertyNames()) {
      if (!KEYS.contains(key) || key.equals("command") && !config.commandString()) {
        return reject(Refusals.invalid("unknown argument '" + Refusals.shown(key) + "'"));
      }
    }
    List<String> argv = new ArrayList<>();
    Optional<Result.Failure> shape = readArgv(node, argv);
    if (shape.isPresent()) {
      return reject(shape.get());
    }
    Optional<Result.Failure> sizes = checkSizes(argv);
    if (sizes.isPresent()) {
      return reject(sizes.get());
    }
    JsonNode cwdNode = node.get("cwd");
    if (cwdNode != null && !cwdNode.isString()) {
      return reject(Refusals.invalid("cwd must be a string"));
    }
    String cwdText = cwdNode == null ? "." : cwdNode.stringValue();
    if (cwdText.indexOf('\0') >= 0) {
      return reject(Refusals.invalid("cwd must not contain NUL"));
    }
    PathResolution cwd = config.confinement().resolve(cwdText, PathAccess.READ);
    if (cwd instanceof PathResolution.Refused refusedCwd) {
      return reject(withCwd(refusedCwd.failure()));
    }
    PathResolution.Allowed directory = (PathResolution.Allowed) cwd;
    if (!Files.isDirectory(directory.resolved(), LinkOption.NOFOLLOW_LINKS)) {
      return reject(
          Result.failure(
              FsErrorCodes.NOT_A_DIRECTORY,
              "cwd '" + Refusals.shown(cwdText) + "' is not a directory",
              Map.of("argument", "cwd", "path", Refusals.shown(cwdText))));
    }
    List<String> command = new ArrayList<>();
    Map<String, String> environment = new LinkedHashMap<>();
    Optional<Result.Failure> refused = checkCommand(argv, directory, command, environment);
    if (refused.isPresent()) {
      return reject(refused.get());
    }
    JsonNode stdinNode = node.get("stdin");
    if (stdinNode != null && !stdinNode.isString()) {
      return reject(Refusals.invalid("stdin must be a string"));
    }
    Optional<String> stdin = Optional.ofNullable(stdinNode).map(JsonNode::stringValue);
    if (stdin.isPresent()
        && stdin.get().getBytes(StandardCharsets.UTF_8).length > config.maxStdinBytes()) {
      return reject(
          Refusals.arguments(argv.get(0), "stdin exceeds " + config.maxStdinBytes() + " bytes"));
    }
    JsonNode timeoutNode = node.get("timeout_ms");
    if (timeoutNode != null
        && !(timeoutNode.isIntegralNumber()
            && timeoutNode.canConvertToLong()
            && timeoutNode.asLong() >= 1)) {
      return reject(Refusals.invalid("timeout_ms must be a positive integer"));
    }
    Duration timeout =
        timeoutNode == null ? config.defaultTimeout() : Duration.ofMillis(timeoutNode.asLong());
    if (timeout.compareTo(config.maxTimeout()) > 0) {
      timeout = config.maxTimeout();
    }
    return new Accepted(
        new PreparedCommand(command, argv, directory.resolved(), stdin, timeout, environment));
  }

  private Optional<Result.Failure> readArgv(JsonNode node, List<String> argv) {
    JsonNode argvNode = node.get("argv");
    JsonNode commandNode = node.get("command");
    if ((argvNode == null) == (commandNode == null)) {
      return Optional.of(
          Refusals.invalid(
              config.commandString()
                  ? "give exactly one of argv (a list of strings) and command (a string)"
                  : "argv (a non-empty list of strings) is required"));
    }
    if (commandNode != null) {
      if (!commandNode.isString()) {
        return Optional.of(Refusals.invalid("command must be a string"));
      }
      CommandTokenizer.Tokens tokens = CommandTokenizer.tokenize(commandNode.stringValue());
      if (tokens instanceof CommandTokenizer.Refused refused) {
        return Optional.of(refused.failure());
      }
      argv.addAll(((CommandTokenizer.Words) tokens).argv());
      return Optional.empty();
    }
    if (!argvNode.isArray() || argvNode.isEmpty()) {
      return Optional.of(Refusals.invalid("argv must be a non-empty list of strings"));
    }
    for (JsonNode element : argvNode) {
      if (!element.isString()) {
        return Optional.of(Refusals.invalid("every argv element must be a string"));
      }
      argv.add(element.stringValue());
    }
    return Optional.empty();
  }

  private Optional<Result.Failure> checkSizes(List<String> argv) {
    String program = Program.NAME_PATTERN.matcher(argv.get(0)).matches() ? argv.get(0) : "argv";
    if (argv.size() > config.maxArgv()) {
      return Optional.of(
          Refusals.arguments(
              program, "at most " + config.maxArgv() + " argv entries, got " + argv.size()));
    }
    long chars = 0;
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      chars += arg.length();
      if (i == 0) {
        continue; // the program name is checked against the name pattern and the allowlist
      }
      if (arg.indexOf('\0') >= 0) {
        return Optional.of(Refusals.argument(i, arg, program, "contains a NUL byte"));
      }
      if (!wellFormed(arg)) {
        return Optional.of(Refusals.argument(i, arg, program, "is not well-formed Unicode"));
      }
    }
    if (chars > config.maxArgvChars()) {
      return Optional.of(
          Refusals.arguments(program, "argv exceeds " + config.maxArgvChars() + " characters"));
    }
    return Optional.empty();
  }

  private Optional<Result.Failure> checkCommand(
      List<String> argv,
      PathResolution.Allowed directory,
      List<String> command,
      Map<String, String> environment) {
    int start = 0;
    for (int depth = 0; depth < MAX_LAUNCHER_DEPTH; depth++) {
      String name = argv.get(start);
      if (!Program.NAME_PATTERN.matcher(name).matches()) {
        return Optional.of(
            Refusals.command(
                start, name, config.programs().keySet(), "programs are given by bare name"));
      }
      ResolvedProgram program = config.programs().get(name);
      if (program == null) {
        return Optional.of(
            Refusals.command(start, name, config.programs().keySet(), "not on the allowlist"));
      }
      Program rule = program.rule();
      // A program that may change things gets the write checks on every path it is given.
      PathAccess access = rule.readOnly() ? PathAccess.READ : PathAccess.WRITE;
      PathCheck paths = (path, index) -> checkPath(directory, path, access, index);
      ArgumentChecker.Outcome outcome = ArgumentChecker.check(rule, argv, start, paths);
      if (outcome instanceof ArgumentChecker.Refused refused) {
        return Optional.of(refused.failure());
      }
      int inner = ((ArgumentChecker.Accepted) outcome).innerStart();
      int end = inner < 0 ? argv.size() : inner;
      command.add(program.executable().toString());
      command.addAll(rule.fixedArguments());
      int from = start + 1;
      if (!rule.subcommands().isEmpty()) {
        String subcommand = argv.get(from++);
        command.add(subcommand);
        command.addAll(rule.subcommandArguments().getOrDefault(subcommand, List.of()));
      }
      command.addAll(argv.subList(from, end));
      rule.environment().forEach((key, value) -> environment.put(key, expand(value)));
      if (inner < 0) {
        return Optional.empty();
      }
      start = inner;
    }
    return Optional.of(
        Refusals.arguments(argv.get(0), "launchers nest deeper than " + MAX_LAUNCHER_DEPTH));
  }

  private Optional<Result.Failure> checkPath(
      PathResolution.Allowed directory, String path, PathAccess access, int index) {
    PathResolution resolution = config.confinement().resolveFrom(directory, path, access);
    if (resolution instanceof PathResolution.Refused refused) {
      ObjectNode details = (ObjectNode) refused.failure().details().toNode();
      details.put("index", index);
      return Optional.of(
          new Result.Failure(
              refused.failure().code(),
              "argument " + index + ": " + refused.failure().message(),
              JsonValue.of(details)));
    }
    return Optional.empty();
  }

  private static Result.Failure withCwd(Result.Failure failure) {
    ObjectNode details = (ObjectNode) failure.details().toNode();
    details.put("argument", "cwd");
    return new Result.Failure(failure.code(), "cwd: " + failure.message(), JsonValue.of(details));
  }

  /** Replaces {@code ${XCT_ROOT}} and {@code ${XCT_ROOT_PARENT}} in a rule's variable. */
  private String expand(String value) {
    Path root = config.root();
    Path parent = root.getParent() == null ? root : root.getParent();
    return value
        .replace("${XCT_ROOT_PARENT}", parent.toString())
        .replace("${XCT_ROOT}", root.toString());
  }

  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static Checked reject(Result.Failure failure) {
    return new Rejected(failure);
  }
}
