package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.Program;
import java.util.Objects;

/**
 * Holds what XCT knows of one program, as its Debian 12 version parses its arguments: the kind of
 * every option (per subcommand where it has them), the options that run other programs, write or
 * read outside the paths they are given, or follow links out of the roots (denied), and the fixed
 * arguments and environment that switch off what the program would otherwise do on its own. {@link
 * Hardening} lays it over every rule that runs the program, whoever wrote the rule.
 *
 * @param facts the program with every subcommand XCT knows, the kinds of their options, the
 *     denials, fixed arguments and environment
 * @param ancestors which relative paths the program may resolve from a directory above the working
 *     one (git: some option values, against the top of the work tree; tar: everything after a
 *     {@code -C}), so that each is checked from every directory between the working one and its
 *     root
 * @param inspectsGitRepository the repository git would use is inspected before git runs
 */
public record Profile(Program facts, Ancestors ancestors, boolean inspectsGitRepository) {
  /** Checks the components. */
  public Profile {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(ancestors, "ancestors");
  }

  /** Returns a profile whose paths are all relative to the working directory, and no preflight. */
  static Profile of(Program facts) {
    return new Profile(facts, Ancestors.NONE, false);
  }

  /** Names the relative paths a program may resolve from above its working directory. */
  public enum Ancestors {
    /** None: every relative path is resolved from the working directory. */
    NONE,
    /** Option values (git opens some relative to the top of its work tree). */
    OPTION_VALUES,
    /** Option values and operands (tar reads them relative to its last {@code -C}). */
    ALL
  }

  /** Returns the program's name. */
  public String name() {
    return facts.name();
  }
}
