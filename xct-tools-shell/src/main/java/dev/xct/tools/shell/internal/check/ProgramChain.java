package dev.xct.tools.shell.internal.check;

import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.PathAccess;
import dev.xct.tools.fs.PathResolution;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.internal.config.ResolvedProgram;
import dev.xct.tools.shell.internal.config.ShellConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks the program named by the model's argv and every argument against its rule, then, for a
 * launcher, the inner command the same way, and builds what runs: the OS argv with resolved
 * executables and the integrator's fixed arguments, the rules' environment, and the preflights the
 * programs' profiles ask for. Immutable and thread-safe.
 */
final class ProgramChain {
  private static final int MAX_LAUNCHER_DEPTH = 4;

  private final ShellConfig config;
  private final RootPaths paths;
  private final String rootParents;

  ProgramChain(ShellConfig config) {
    this.config = config;
    this.paths = new RootPaths(config.confinement());
    this.rootParents = rootParents(config.confinement().roots());
  }

  /** Holds the outcome of a check. */
  sealed interface Outcome permits Built, Refused {}

  /**
   * The chain may run.
   *
   * @param command the OS argv
   * @param environment variables the rules add
   * @param writes whether a program of the chain may write (so cwd needs write access)
   * @param preflights what to inspect right before it runs
   */
  record Built(
      List<String> command,
      Map<String, String> environment,
      boolean writes,
      List<Preflight> preflights)
      implements Outcome {}

  /**
   * An argument or a program is refused.
   *
   * @param failure the failure for the model
   */
  record Refused(Result.Failure failure) implements Outcome {}

  /** Checks {@code argv} run from {@code directory}. */
  Outcome check(List<String> argv, PathResolution.Allowed directory) {
    List<String> command = new ArrayList<>();
    Map<String, String> environment = new LinkedHashMap<>();
    List<Preflight> preflights = new ArrayList<>();
    boolean writes = false;
    int start = 0;
    for (int depth = 0; depth < MAX_LAUNCHER_DEPTH; depth++) {
      String name = argv.get(start);
      if (!Program.NAME_PATTERN.matcher(name).matches()) {
        return new Refused(
            Refusals.command(
                start, name, config.programs().keySet(), "programs are given by bare name"));
      }
      ResolvedProgram program = config.programs().get(name);
      if (program == null) {
        return new Refused(
            Refusals.command(start, name, config.programs().keySet(), "not on the allowlist"));
      }
      Program rule = program.rule();
      // A program that may change things gets the write checks on every path it is given.
      PathAccess access = rule.readOnly() ? PathAccess.READ : PathAccess.WRITE;
      writes |= !rule.readOnly();
      PathCheck check = paths.forProgram(directory, access, program.ancestors());
      ArgumentChecker.Outcome outcome = ArgumentChecker.check(rule, argv, start, check);
      if (outcome instanceof ArgumentChecker.Refused refused) {
        return new Refused(refused.failure());
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
      Map<String, String> own = new LinkedHashMap<>();
      rule.environment().forEach((key, value) -> own.put(key, expand(value)));
      environment.putAll(own);
      if (program.inspectsGitRepository()) {
        preflights.add(
            new GitRepositoryCheck(
                program.executable(),
                rule.fixedArguments(),
                own,
                directory.resolved(),
                config.confinement()));
      }
      if (inner < 0) {
        return new Built(command, environment, writes, preflights);
      }
      start = inner;
    }
    return new Refused(
        Refusals.arguments(argv.get(0), "launchers nest deeper than " + MAX_LAUNCHER_DEPTH));
  }

  /**
   * Replaces {@code ${XCT_ROOT}}, {@code ${XCT_ROOT_PARENT}} and {@code ${XCT_ROOTS_PARENTS}} in a
   * rule's variable.
   */
  private String expand(String value) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    Path root = config.root();
    Path parent = root.getParent() == null ? root : root.getParent();
    return value
        .replace("${XCT_ROOTS_PARENTS}", rootParents)
        .replace("${XCT_ROOT_PARENT}", parent.toString())
        .replace("${XCT_ROOT}", root.toString());
  }

  /** Returns the parents of the roots that are not inside another root, joined by colons. */
  private static String rootParents(List<Path> roots) {
    return roots.stream()
        .filter(
            root ->
                roots.stream().noneMatch(other -> !other.equals(root) && root.startsWith(other)))
        .map(root -> root.getParent() == null ? root : root.getParent())
        .map(Path::toString)
        .distinct()
        .collect(Collectors.joining(":"));
  }
}
