package dev.xct.tools.shell.internal.check;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.PathAccess;
import dev.xct.tools.fs.PathResolution;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.internal.config.ShellConfig;
import dev.xct.tools.shell.internal.run.PreparedCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Duration;
import java.util.ArrayList;
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
 * against the same allowlist ({@link ProgramChain}); the working directory again with write access
 * when a program of the chain may write; stdin size; the timeout (capped). Reads the file system
 * (to follow links) and changes nothing. Immutable and thread-safe.
 */
public final class CommandPolicy {
  private static final Set<String> KEYS = Set.of("argv", "command", "cwd", "stdin", "timeout_ms");

  private final ShellConfig config;
  private final ProgramChain chain;

  /** Creates the policy for {@code config}. */
  public CommandPolicy(ShellConfig config) {
    this.config = config;
    this.chain = new ProgramChain(config);
  }

  /** Holds the verdict on one call. */
  public sealed interface Checked permits Accepted, Rejected {}

  /**
   * The call may run.
   *
   * @param command exactly what runs
   * @param preflights what the tool inspects right before it runs the command
   */
  public record Accepted(PreparedCommand command, List<Preflight> preflights) implements Checked {
    /** Copies the list. */
    public Accepted {
      preflights = List.copyOf(preflights);
    }
  }

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
    ProgramChain.Outcome outcome = chain.check(argv, directory);
    if (outcome instanceof ProgramChain.Refused refused) {
      return reject(refused.failure());
    }
    ProgramChain.Built built = (ProgramChain.Built) outcome;
    if (built.writes()) {
      // A program that may write gets a working directory it may write to (not .git, say).
      PathResolution writable = config.confinement().resolve(cwdText, PathAccess.WRITE);
      if (writable instanceof PathResolution.Refused refusedCwd) {
        return reject(withCwd(refusedCwd.failure()));
      }
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
        new PreparedCommand(
            built.command(), argv, directory.resolved(), stdin, timeout, built.environment()),
        built.preflights());
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

  private static Result.Failure withCwd(Result.Failure failure) {
    ObjectNode details = (ObjectNode) failure.details().toNode();
    details.put("argument", "cwd");
    return new Result.Failure(failure.code(), "cwd: " + failure.message(), JsonValue.of(details));
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
