package dev.xct.tools.shell.internal;

import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.Sandbox;
import dev.xct.tools.shell.ShellConfigurationException;
import dev.xct.tools.shell.ShellConfigurationException.Setting;
import dev.xct.tools.shell.internal.check.CommandPolicy;
import dev.xct.tools.shell.internal.config.ResolvedProgram;
import dev.xct.tools.shell.internal.config.ShellConfig;
import dev.xct.tools.shell.internal.run.BubblewrapCommand;
import dev.xct.tools.shell.internal.run.BubblewrapProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the builder's settings into a checked {@link ShellConfig} and the tool's spec: resolves
 * programs once on the fixed PATH, refuses launchers that are not declared and programs that cannot
 * be checked at all, finds {@code bwrap} and proves it starts. Stateless and thread-safe.
 */
public final class ShellSetup {
  private static final Logger LOG = LoggerFactory.getLogger(ShellSetup.class);

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
   * @throws ShellConfigurationException naming the offending setting
   */
  public static CommandPolicy policy(Settings settings) {
    if (!ToolSpec.isValidName(settings.toolName())) {
      throw new ShellConfigurationException(
          Setting.TOOL_NAME,
          settings.toolName(),
          "tool name '" + settings.toolName() + "' is invalid");
    }
    List<Path> searchPath = searchPath(settings.searchPath(), settings.confinement().roots());
    if (settings.programs().isEmpty()) {
      throw new ShellConfigurationException(Setting.PROGRAM, "", "allow at least one program");
    }
    Map<String, ResolvedProgram> programs =
        ProgramResolver.resolve(settings.programs(), searchPath, settings.confinement());
    checkLimits(settings);
    Optional<ShellConfig.BubblewrapSettings> sandbox = Optional.empty();
    if (settings.sandbox().isEnabled()) {
      Path bwrap =
          settings
              .sandbox()
              .executable()
              .or(() -> ProgramResolver.find(searchPath, "bwrap"))
              .filter(Files::isExecutable)
              .orElseThrow(
                  () ->
                      new ShellConfigurationException(
                          Setting.SANDBOX,
                          "",
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

  private static List<Path> searchPath(List<Path> directories, List<Path> roots) {
    if (directories.isEmpty()) {
      throw new ShellConfigurationException(
          Setting.SEARCH_PATH, "", "the PATH needs at least one directory");
    }
    for (Path directory : directories) {
      if (!directory.isAbsolute() || directory.toString().contains(":")) {
        throw new ShellConfigurationException(
            Setting.SEARCH_PATH,
            directory.toString(),
            "PATH entry '" + directory + "' must be absolute, without ':'");
      }
      Path real = directory.normalize();
      try {
        real = directory.toRealPath();
      } catch (IOException e) {
        LOG.debug("PATH entry {} does not exist", directory);
      }
      for (Path root : roots) {
        if (real.startsWith(root) || directory.normalize().startsWith(root)) {
          // The PATH is fixed and the root is what a configuration usually gets wrong (say, '/').
          throw new ShellConfigurationException(
              Setting.ROOT,
              root.toString(),
              "PATH entry '"
                  + directory
                  + "' lies inside the root '"
                  + root
                  + "', where the model may write: programs must come from outside every root");
        }
      }
    }
    return directories.stream().map(Path::normalize).toList();
  }

  private static void checkLimits(Settings s) {
    if (s.defaultTimeout().isNegative()
        || s.defaultTimeout().isZero()
        || s.defaultTimeout().compareTo(s.maxTimeout()) > 0) {
      throw new ShellConfigurationException(
          Setting.LIMIT,
          "",
          "defaultTimeout " + s.defaultTimeout() + " must be positive and <= " + s.maxTimeout());
    }
    if (s.maxOutputBytes() < 1
        || s.maxStdinBytes() < 0
        || s.maxArgv() < 1
        || s.maxArgvChars() < 1) {
      throw new ShellConfigurationException(
          Setting.LIMIT, "", "output, stdin and argv limits must be positive");
    }
  }
}
