package dev.xct.tools.shell;

import dev.xct.tools.shell.internal.check.Launchers;
import dev.xct.tools.shell.internal.profile.Hardening;
import dev.xct.tools.shell.internal.profile.Profile;
import dev.xct.tools.shell.internal.profile.Profiles;
import java.util.List;
import java.util.Optional;

/**
 * Provides vetted rules for common programs, as Debian 12 ships them: GNU coreutils ({@code ls cat
 * head tail wc sort}), grep, findutils, diffutils, sed, tar and git.
 *
 * <p>Each preset is XCT's profile of the program (every option it has, with its kind; the options
 * that run other programs, read names from files, follow links out of the root or reach other hosts
 * denied; fixed arguments such as sed's {@code --sandbox}) narrowed to a purpose: all are read-only
 * but {@link #tar()}. The same profile is laid over any rule an integrator writes for these
 * programs, so a hand-written rule for {@code sed} gets {@code --sandbox} too. {@code
 * docs/tools-shell.md} lists what each denies and why. Every returned rule is immutable and
 * thread-safe; narrow one further with {@link Program#toBuilder()}.
 */
public final class Presets {
  private static final String WRITES = "writes files; this preset is read-only";

  private Presets() {}

  /** Returns every preset: {@code cat diff find git grep head ls sed sort tail tar wc}. */
  public static List<Program> all() {
    return List.of(
        cat(), diff(), find(), git(), grep(), head(), ls(), sed(), sort(), tail(), tar(), wc());
  }

  /** Returns {@code ls}; denies {@code -L}/{@code --dereference}. */
  public static Program ls() {
    return readOnly("ls").build();
  }

  /** Returns {@code cat}. */
  public static Program cat() {
    return readOnly("cat").build();
  }

  /** Returns {@code head}; counts are given with {@code -n}/{@code -c}, not as {@code -5}. */
  public static Program head() {
    return readOnly("head").build();
  }

  /** Returns {@code tail}; denies following a file, which never ends. */
  public static Program tail() {
    return readOnly("tail").build();
  }

  /** Returns {@code wc}; denies {@code --files0-from}. */
  public static Program wc() {
    return readOnly("wc").build();
  }

  /** Returns {@code grep}; denies {@code -R}, confines the files of {@code -f}/{@code --file}. */
  public static Program grep() {
    return readOnly("grep").build();
  }

  /**
   * Returns {@code find}; denies the actions that run programs ({@code -exec}, {@code -execdir},
   * {@code -ok}, {@code -okdir}), delete or write files, following links, and {@code -files0-from}.
   */
  public static Program find() {
    return readOnly("find")
        .deniedOption("-delete", WRITES)
        .deniedOption("-fprint", WRITES)
        .deniedOption("-fprint0", WRITES)
        .deniedOption("-fprintf", WRITES)
        .deniedOption("-fls", WRITES)
        .build();
  }

  /**
   * Returns {@code diff}; denies {@code -l}/{@code --paginate}; always {@code --no-dereference}.
   */
  public static Program diff() {
    return readOnly("diff").build();
  }

  /**
   * Returns {@code sed} for printing transformed text: always {@code --sandbox} (no {@code e},
   * {@code r}, {@code w} commands), no in-place editing.
   */
  public static Program sed() {
    return readOnly("sed").deniedOption("-i", WRITES).deniedOption("--in-place", WRITES).build();
  }

  /** Returns {@code sort} without output or temporary files; denies {@code --compress-program}. */
  public static Program sort() {
    return readOnly("sort")
        .deniedOption("-o", WRITES)
        .deniedOption("--output", WRITES)
        .deniedOption("-T", WRITES)
        .deniedOption("--temporary-directory", WRITES)
        .build();
  }

  /**
   * Returns {@code tar} to list, create and extract archives inside the roots (so it may write):
   * always {@code --force-local --no-same-owner --no-same-permissions}; denies every option that
   * runs a program, reads names from a file, keeps absolute member names or follows links.
   */
  public static Program tar() {
    return vetted(Program.builder("tar").build()).build();
  }

  /**
   * Returns {@code git} limited to read-only subcommands ({@code status log show diff blame
   * ls-files ls-tree rev-parse cat-file shortlog describe grep show-ref rev-list}), with every
   * option each of them takes, and git hardened as {@code docs/tools-shell.md} describes: no
   * configuration-driven program runs, no transport is allowed, discovery stops at the roots, and
   * the repository is inspected before git runs.
   */
  public static Program git() {
    return vetted(
            Program.builder("git")
                .readOnly(true)
                .subcommands(
                    "status", "log", "show", "diff", "blame", "ls-files", "ls-tree", "rev-parse")
                .subcommands("cat-file", "shortlog", "describe", "grep", "show-ref", "rev-list")
                .build())
        .deniedOption("--output", WRITES)
        .build();
  }

  /**
   * Returns why {@code ShellTools} would refuse {@code rule}, judged by its name alone (a rule
   * whose name resolves to another program's file is judged again when the tools are built): the
   * program can never be allowed (a shell, an interpreter, a launcher that changes user, root or
   * namespaces), it is a launcher the rule does not declare as one, or XCT has no profile of it and
   * the rule lists no options, declares none and does not accept unvetted ones. Empty when it is
   * fine.
   */
  public static Optional<String> vettingProblem(Program rule) {
    Optional<String> launcher = Launchers.problem(rule, rule.name());
    if (launcher.isPresent()) {
      return Optional.of("program '" + rule.name() + "' " + launcher.get());
    }
    if (Profiles.forName(rule.name()).isPresent()
        || rule.declaresOptions()
        || rule.unvettedOptionsAtOwnRisk()) {
      return Optional.empty();
    }
    return Optional.of(
        "program '"
            + rule.name()
            + "' lists no options and XCT has no profile of it: list the options it may take"
            + " (flags, valueOptions, pathOptions, ... or noOptions() if it takes none), or accept"
            + " options nobody vetted with unvettedOptionsAtOwnRisk(), which only the sandbox then"
            + " contains");
  }

  private static ProgramBuilder readOnly(String name) {
    return vetted(Program.builder(name).readOnly(true).build());
  }

  private static ProgramBuilder vetted(Program rule) {
    Profile profile =
        Profiles.forName(rule.name())
            .orElseThrow(() -> new IllegalStateException("no profile of " + rule.name()));
    return Hardening.harden(rule, profile).toBuilder();
  }
}
