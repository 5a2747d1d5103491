package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.Program;
import java.util.List;

/**
 * Profiles of the stream editors: {@code sed} (GNU sed 4.9) and {@code sort} (coreutils 9.1).
 * Stateless and thread-safe.
 */
final class StreamProfiles {
  private StreamProfiles() {}

  static List<Profile> all() {
    return List.of(sed(), sort());
  }

  /**
   * {@code --sandbox} comes first, because it only guards scripts compiled after it: sed then
   * refuses the {@code e}, {@code r}, {@code R}, {@code w} and {@code W} commands and the {@code e}
   * and {@code w} flags of {@code s}, which run programs and read or write other files. The suffix
   * of {@code -i} names where the original goes, so it is a path.
   */
  private static Profile sed() {
    return Profile.of(
        Program.builder("sed")
            .fixedArguments("--sandbox")
            .scriptOperand("-e", "--expression", "-f", "--file")
            .flags("-n", "--quiet", "--silent", "--debug", "--posix", "-E", "-r")
            .flags("--regexp-extended", "-s", "--separate", "--sandbox", "-u", "--unbuffered")
            .flags("-z", "--null-data", "--zero-terminated", "-b", "--binary", "--help")
            .flags("--version")
            .valueOptions("-e", "--expression", "-l", "--line-length")
            .pathOptions("-f", "--file")
            .optionalPathOptions("-i", "--in-place")
            .deniedOption("--follow-symlinks", Reasons.FOLLOWS_LINKS)
            .deniedOption("-V", "is not an option of this sed")
            .build());
  }

  private static Profile sort() {
    return Profile.of(
        Program.builder("sort")
            .flags("-b", "--ignore-leading-blanks", "-d", "--dictionary-order", "-f")
            .flags("--ignore-case", "-g", "--general-numeric-sort", "-i", "--ignore-nonprinting")
            .flags("-M", "--month-sort", "-h", "--human-numeric-sort", "-n", "--numeric-sort")
            .flags("-R", "--random-sort", "-r", "--reverse", "-V", "--version-sort", "-c", "-C")
            .flags("--debug", "-m", "--merge", "-s", "--stable", "-u", "--unique", "-z")
            .flags("--zero-terminated", "--help", "--version")
            .valueOptions("--sort", "-k", "--key", "-S", "--buffer-size", "-t")
            .valueOptions("--field-separator", "--parallel", "--batch-size")
            .pathOptions("--random-source", "-o", "--output", "-T", "--temporary-directory")
            .optionalValueOptions("--check")
            .deniedOption("--compress-program", Reasons.RUNS)
            .deniedOption("--files0-from", Reasons.NAMES_FROM_FILE)
            .deniedOption("-y", "is obsolete and reads its value ambiguously")
            .build());
  }
}
