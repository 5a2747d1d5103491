package dev.xct.tools.shell.internal.config;

import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.internal.profile.Profile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Pairs a program's rule with the absolute path it was resolved to, once, on the integrator's PATH,
 * and with the profile XCT keeps of it, if any (already laid over the rule).
 *
 * @param rule the rule the model's arguments are checked against
 * @param executable the absolute path that runs; the model's spelling never reaches the OS
 * @param profile what XCT knows of the program, found by its name or the file it resolves to
 */
public record ResolvedProgram(Program rule, Path executable, Optional<Profile> profile) {
  /** Checks the components. */
  public ResolvedProgram {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(profile, "profile");
    if (!executable.isAbsolute()) {
      throw new IllegalArgumentException("executable must be absolute: " + executable);
    }
  }

  /** Returns which relative paths must stay inside from every directory up to the root. */
  public Profile.Ancestors ancestors() {
    return profile.map(Profile::ancestors).orElse(Profile.Ancestors.NONE);
  }

  /** Returns whether git's repository is inspected before the program runs. */
  public boolean inspectsGitRepository() {
    return profile.map(Profile::inspectsGitRepository).orElse(false);
  }
}
