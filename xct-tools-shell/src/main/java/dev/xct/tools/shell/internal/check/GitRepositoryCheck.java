package dev.xct.tools.shell.internal.check;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.fs.PathAccess;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.PathResolution;
import dev.xct.tools.shell.ShellErrorCodes;
import dev.xct.tools.shell.internal.profile.GitSafeConfig;
import dev.xct.tools.shell.internal.run.PreparedCommand;
import dev.xct.tools.shell.internal.run.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Inspects the repository git would use, right before git runs, and refuses it with {@code
 * REPOSITORY_NOT_ALLOWED} when its git directory or common directory (or what git reads in them:
 * objects, refs, configuration, index) lies outside the roots, when it borrows objects ({@code
 * objects/info/alternates}), or when its configuration sets a key {@link GitSafeConfig} does not
 * list. The repository is found and its configuration read by git itself, with the same hardened
 * arguments, environment and sandbox as the command, so it is the repository the command would see;
 * included files are not followed ({@code include.*} is refused instead). Immutable and
 * thread-safe.
 */
final class GitRepositoryCheck implements Preflight {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> INSIDE_GIT_DIR =
      List.of("HEAD", "index", "config.worktree", "logs", "commondir", "gitdir");
  private static final List<String> INSIDE_COMMON_DIR =
      List.of("objects", "refs", "packed-refs", "config", "info", "logs", "shallow", "modules");
  private static final int MAX_KEYS_SHOWN = 10;

  private final Path git;
  private final List<String> fixedArguments;
  private final Map<String, String> environment;
  private final Path directory;
  private final PathConfinement confinement;

  GitRepositoryCheck(
      Path git,
      List<String> fixedArguments,
      Map<String, String> environment,
      Path directory,
      PathConfinement confinement) {
    this.git = git;
    this.fixedArguments = List.copyOf(fixedArguments);
    this.environment = Map.copyOf(environment);
    this.directory = directory;
    this.confinement = confinement;
  }

  @Override
  public Optional<Result.Failure> check(ProcessRunner runner, ToolContext context) {
    // Both questions at once: each is a program start (in the sandbox, a sandbox start).
    CompletableFuture<Result> listing =
        runner.runAsync(git("config", "--list", "--show-scope", "-z", "--no-includes"), context);
    Result located =
        runner.run(git("rev-parse", "--absolute-git-dir", "--git-common-dir"), context);
    Result listed = listing.join();
    if (located instanceof Result.Failure failure) {
      String stderr = text(failure.details(), "stderr");
      // Outside a repository there is nothing to inspect, and git will fail the same way.
      return stderr.contains("not a git repository")
          ? Optional.empty()
          : Optional.of(refuse("git could not inspect the repository (" + failure.code() + ")"));
    }
    String[] lines = text(((Result.Success) located).result(), "stdout").split("\n");
    if (lines.length < 2) {
      return Optional.of(refuse("git did not name the repository's directories"));
    }
    Path gitDir = directory.resolve(lines[0]).normalize();
    Path commonDir = directory.resolve(lines[1]).normalize();
    Optional<Result.Failure> outside = outsideRoots(gitDir, INSIDE_GIT_DIR);
    if (outside.isEmpty()) {
      outside = outsideRoots(commonDir, INSIDE_COMMON_DIR);
    }
    if (outside.isPresent()) {
      return outside;
    }
    if (Files.exists(commonDir.resolve("objects/info/alternates"), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(refuse("the repository borrows objects from elsewhere (alternates)"));
    }
    if (!(listed instanceof Result.Success success) || truncated(success)) {
      return Optional.of(refuse("git could not list the repository's configuration"));
    }
    return configuration(text(success.result(), "stdout"));
  }

  /** Refuses keys outside the safe list; {@code output} is {@code scope NUL key [LF value] NUL}. */
  private static Optional<Result.Failure> configuration(String output) {
    Set<String> refused = new LinkedHashSet<>();
    String[] tokens = output.split("\0", -1);
    for (int i = 0; i + 1 < tokens.length; i += 2) {
      String scope = tokens[i];
      int newline = tokens[i + 1].indexOf('\n');
      String key = newline < 0 ? tokens[i + 1] : tokens[i + 1].substring(0, newline);
      if (!scope.equals("command") && !GitSafeConfig.allows(key)) {
        refused.add(Refusals.shown(key));
      }
    }
    if (refused.isEmpty()) {
      return Optional.empty();
    }
    List<String> shown = refused.stream().limit(MAX_KEYS_SHOWN).toList();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", "configuration");
    details.put("keys", shown);
    return Optional.of(
        Result.failure(
            ShellErrorCodes.REPOSITORY_NOT_ALLOWED,
            "the repository's configuration sets keys git would act on that are not on XCT's safe"
                + " list (see docs/tools-shell.md): "
                + String.join(", ", shown)
                + (refused.size() > shown.size() ? ", …" : ""),
            details));
  }

  /** Refuses the directory, or an entry git reads in it, when it leads outside the roots. */
  private Optional<Result.Failure> outsideRoots(Path dir, List<String> entries) {
    if (!inside(dir)) {
      return Optional.of(refuse("the repository's git directory lies outside the roots"));
    }
    for (String entry : entries) {
      Path path = dir.resolve(entry);
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !inside(path)) {
        return Optional.of(refuse("the repository's " + entry + " lies outside the roots"));
      }
    }
    return Optional.empty();
  }

  private boolean inside(Path path) {
    return confinement.resolve(path.toString(), PathAccess.READ) instanceof PathResolution.Allowed;
  }

  private PreparedCommand git(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(git.toString());
    command.addAll(fixedArguments);
    command.addAll(List.of(arguments));
    List<String> shown = new ArrayList<>(List.of("git"));
    shown.addAll(List.of(arguments));
    return new PreparedCommand(command, shown, directory, Optional.empty(), TIMEOUT, environment);
  }

  private static boolean truncated(Result.Success success) {
    return success
        .result()
        .get("flags")
        .map(JsonValue::toJson)
        .orElse("")
        .contains(ShellErrorCodes.OUTPUT_TRUNCATED);
  }

  private static String text(JsonValue value, String member) {
    return value.get(member).flatMap(JsonValue::asString).orElse("");
  }

  private static Result.Failure refuse(String reason) {
    return Result.failure(
        ShellErrorCodes.REPOSITORY_NOT_ALLOWED,
        "git may not use this repository: " + reason,
        Map.of("reason", reason));
  }
}
