package dev.xct.tools.shell.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.Sandbox;
import dev.xct.tools.shell.internal.check.CommandPolicy;
import dev.xct.tools.shell.internal.check.Launchers;
import dev.xct.tools.shell.internal.config.ResolvedProgram;
import dev.xct.tools.shell.internal.config.ShellConfig;
import dev.xct.tools.shell.internal.profile.Hardening;
import dev.xct.tools.shell.internal.profile.Profile;
import dev.xct.tools.shell.internal.profile.Profiles;
import dev.xct.tools.shell.internal.run.BubblewrapCommand;
import dev.xct.tools.shell.internal.run.BubblewrapProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the builder's settings into a checked {@link ShellConfig} and the tool's spec: resolves
 * programs once on the fixed PATH, refuses launchers that are not declared and programs that cannot
 * be checked at all, finds {@code bwrap} and proves it starts. Stateless and thread-safe.
 */
public final class ShellSetup {
  private static final Logger LOG = LoggerFactory.getLogger(ShellSetup.class);

  /** Extra time the loop grants the tool beyond the longest command, to kill and collect. */
  private static final Duration SPEC_GRACE = Duration.ofSeconds(2);

  private ShellSetup() {}

  /**
   * Holds the builder's raw settings.
   *
   * @param toolName the tool's name
   * @param confinement the roots that working directories and paths must stay inside
   * @param searchPath the fixed PATH
   * @param programs the allowlist
   * @param environment extra variables
   * @param defaultTimeout the default timeout
   * @param maxTimeout the timeout cap
   * @param maxOutputBytes the output cap per stream
   * @param maxStdinBytes the stdin cap
   * @param maxArgv the argv entry cap
   * @param maxArgvChars the argv character cap
   * @param commandString whether the command string form is offered
   * @param sandbox the sandbox choice
   */
  public record Settings(
      String toolName,
      PathConfinement confinement,
      List<Path> searchPath,
      List<Program> programs,
      Map<String, String> environment,
      Duration defaultTimeout,
      Duration maxTimeout,
      int maxOutputBytes,
      int maxStdinBytes,
      int maxArgv,
      int maxArgvChars,
      boolean commandString,
      Sandbox sandbox) {}

  /**
   * Validates {@code settings} and returns the policy enforcing them.
   *
   * @throws XctException naming the offending setting
   */
  public static CommandPolicy policy(Settings settings) {
    if (!ToolSpec.isValidName(settings.toolName())) {
      throw new XctException("tool name '" + settings.toolName() + "' is invalid");
    }
    List<Path> searchPath = searchPath(settings.searchPath(), settings.confinement().roots());
    if (settings.programs().isEmpty()) {
      throw new XctException("allow at least one program");
    }
    Map<String, ResolvedProgram> programs = new LinkedHashMap<>();
    for (Program rule : settings.programs()) {
      Path executable =
          find(searchPath, rule.name())
              .orElseThrow(
                  () ->
                      new XctException(
                          "program '" + rule.name() + "' is not on the PATH " + searchPath));
      String realName = realName(executable);
      checkLauncher(rule, executable, realName);
      programs.put(rule.name(), vetted(rule, executable, realName));
    }
    checkLimits(settings);
    checkCeiling(programs, settings.confinement());
    Optional<ShellConfig.BubblewrapSettings> sandbox = Optional.empty();
    if (settings.sandbox().isEnabled()) {
      Path bwrap =
          settings
              .sandbox()
              .executable()
              .or(() -> find(searchPath, "bwrap"))
              .filter(Files::isExecutable)
              .orElseThrow(
                  () ->
                      new XctException(
                          "the bubblewrap sandbox needs bwrap on the PATH "
                              + searchPath
                              + ": install it (Debian and Ubuntu: apt-get install bubblewrap), or,"
                              + " for a trusted model only, opt out with Sandbox.unconfined()"
                              + " (policy file: shell.sandbox: unconfined)"));
      sandbox =
          Optional.of(
              new ShellConfig.BubblewrapSettings(
                  bwrap, settings.sandbox().readOnlyPaths(), settings.sandbox().network()));
    } else {
      LOG.warn(
          "shell tool '{}' runs commands unconfined: no OS sandbox contains a program that the"
              + " checks misjudge; use this for trusted models only",
          settings.toolName());
    }
    ShellConfig config =
        new ShellConfig(
            settings.toolName(),
            settings.confinement(),
            programs,
            searchPath,
            settings.environment(),
            settings.defaultTimeout(),
            settings.maxTimeout(),
            settings.maxOutputBytes(),
            settings.maxStdinBytes(),
            settings.maxArgv(),
            settings.maxArgvChars(),
            settings.commandString(),
            sandbox);
    sandbox.ifPresent(
        bwrap -> BubblewrapProbe.requireWorking(new BubblewrapCommand(config), bwrap.bwrap()));
    return new CommandPolicy(config);
  }

  /**
   * Lays XCT's profile of the program over {@code rule}, or, for a program XCT has no profile of,
   * requires the rule to list its options or to accept unvetted options explicitly.
   */
  private static ResolvedProgram vetted(Program rule, Path executable, String realName) {
    Optional<Profile> profile = Profiles.find(rule.name(), realName);
    if (profile.isPresent()) {
      return new ResolvedProgram(Hardening.harden(rule, profile.get()), executable, profile);
    }
    Presets.vettingProblem(rule)
        .ifPresent(
            problem -> {
              throw new XctException(problem);
            });
    if (rule.unvettedOptionsAtOwnRisk()) {
      LOG.warn(
          "program '{}' accepts options nobody listed (unvettedOptionsAtOwnRisk): only the sandbox"
              + " contains what they do",
          rule.name());
    }
    return new ResolvedProgram(rule, executable, Optional.empty());
  }

  /** git's discovery stops at the parents of the roots, which GIT_CEILING_DIRECTORIES lists. */
  private static void checkCeiling(
      Map<String, ResolvedProgram> programs, PathConfinement confinement) {
    boolean git = programs.values().stream().anyMatch(ResolvedProgram::inspectsGitRepository);
    for (Path root : confinement.roots()) {
      if (git && root.toString().contains(":")) {
        throw new XctException(
            "root '" + root + "' contains ':', which git's GIT_CEILING_DIRECTORIES cannot list");
      }
    }
  }

  private static String realName(Path executable) {
    try {
      return executable.toRealPath().getFileName().toString();
    } catch (IOException e) {
      LOG.debug("cannot resolve {}", executable, e);
      return executable.getFileName().toString();
    }
  }

  /** Returns the spec: name, description listing the allowlist, schema, hints and timeout. */
  public static ToolSpec spec(ShellConfig config) {
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
        + ". Paths and cwd must stay inside the working root (cwd is relative to it). Exit code 0"
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

  private static List<Path> searchPath(List<Path> directories, List<Path> roots) {
    if (directories.isEmpty()) {
      throw new XctException("the PATH needs at least one directory");
    }
    for (Path directory : directories) {
      if (!directory.isAbsolute() || directory.toString().contains(":")) {
        throw new XctException("PATH entry '" + directory + "' must be absolute, without ':'");
      }
      Path real = directory.normalize();
      try {
        real = directory.toRealPath();
      } catch (IOException e) {
        LOG.debug("PATH entry {} does not exist", directory);
      }
      for (Path root : roots) {
        if (real.startsWith(root) || directory.normalize().startsWith(root)) {
          throw new XctException(
              "PATH entry '" + directory + "' lies inside the root, where the model may write");
        }
      }
    }
    return directories.stream().map(Path::normalize).toList();
  }

  private static Optional<Path> find(List<Path> searchPath, String name) {
    for (Path directory : searchPath) {
      Path candidate = directory.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void checkLauncher(Program rule, Path executable, String realName) {
    String name = rule.name();
    boolean multiCall =
        Launchers.base(realName).equals("busybox") || Launchers.base(realName).equals("toybox");
    for (String candidate : multiCall ? List.of(name) : List.of(name, realName)) {
      Optional<String> never = Launchers.uncheckable(candidate);
      if (never.isPresent()) {
        throw new XctException(
            "program '" + name + "' (" + executable + ") cannot be allowed: it " + never.get());
      }
      if (Launchers.isLauncher(candidate) && !rule.isLauncher()) {
        throw new XctException(
            "program '"
                + name
                + "' ("
                + executable
                + ") runs other programs: declare it with Program.builder(\""
                + name
                + "\").launcher(n) so that its inner command is checked against the allowlist,"
                + " or leave it out");
      }
    }
  }

  private static void checkLimits(Settings s) {
    if (s.defaultTimeout().isNegative()
        || s.defaultTimeout().isZero()
        || s.defaultTimeout().compareTo(s.maxTimeout()) > 0) {
      throw new XctException(
          "defaultTimeout " + s.defaultTimeout() + " must be positive and <= " + s.maxTimeout());
    }
    if (s.maxOutputBytes() < 1
        || s.maxStdinBytes() < 0
        || s.maxArgv() < 1
        || s.maxArgvChars() < 1) {
      throw new XctException("output, stdin and argv limits must be positive");
    }
  }
}
