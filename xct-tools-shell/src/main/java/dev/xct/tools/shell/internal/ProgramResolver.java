package dev.xct.tools.shell.internal;

import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ShellConfigurationException;
import dev.xct.tools.shell.ShellConfigurationException.Setting;
import dev.xct.tools.shell.internal.check.Launchers;
import dev.xct.tools.shell.internal.config.ResolvedProgram;
import dev.xct.tools.shell.internal.profile.Hardening;
import dev.xct.tools.shell.internal.profile.Profile;
import dev.xct.tools.shell.internal.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves each allowed program once on the fixed PATH and decides what rule it really runs under:
 * refuses programs that cannot be checked at all and launchers that are not declared as such, lays
 * XCT's profile of the program over the rule (found by name or by the file it resolves to), and
 * refuses a rule that neither has a profile nor lists its options. Stateless and thread-safe.
 */
final class ProgramResolver {
  private static final Logger LOG = LoggerFactory.getLogger(ProgramResolver.class);

  private ProgramResolver() {}

  /**
   * Returns every rule resolved, by name, in configuration order.
   *
   * @throws ShellConfigurationException naming the program that is not found or may not be allowed,
   *     or the root git cannot be confined to
   */
  static Map<String, ResolvedProgram> resolve(
      List<Program> rules, List<Path> searchPath, PathConfinement confinement) {
    Map<String, ResolvedProgram> programs = new LinkedHashMap<>();
    for (Program rule : rules) {
      Path executable =
          find(searchPath, rule.name())
              .orElseThrow(
                  () ->
                      new ShellConfigurationException(
                          Setting.PROGRAM,
                          rule.name(),
                          "program '" + rule.name() + "' is not on the PATH " + searchPath));
      String realName = realName(executable);
      checkLauncher(rule, executable, realName);
      programs.put(rule.name(), vetted(rule, executable, realName));
    }
    checkCeiling(programs, confinement);
    return programs;
  }

  /** Returns the executable file called {@code name} in the first PATH directory that has one. */
  static Optional<Path> find(List<Path> searchPath, String name) {
    for (Path directory : searchPath) {
      Path candidate = directory.resolve(name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
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
              throw new ShellConfigurationException(Setting.PROGRAM, rule.name(), problem);
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
        throw new ShellConfigurationException(
            Setting.ROOT,
            root.toString(),
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

  private static void checkLauncher(Program rule, Path executable, String realName) {
    String name = rule.name();
    boolean multiCall =
        Launchers.base(realName).equals("busybox") || Launchers.base(realName).equals("toybox");
    for (String candidate : multiCall ? List.of(name) : List.of(name, realName)) {
      Launchers.problem(rule, candidate)
          .ifPresent(
              problem -> {
                throw new ShellConfigurationException(
                    Setting.PROGRAM,
                    name,
                    "program '" + name + "' (" + executable + ") " + problem);
              });
    }
  }
}
