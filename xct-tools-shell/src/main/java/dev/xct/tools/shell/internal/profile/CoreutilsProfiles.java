package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.Program;
import java.util.List;

/**
 * Profiles of {@code ls}, {@code cat}, {@code head}, {@code tail} and {@code wc} (GNU coreutils
 * 9.1), with every option their option tables list. Obsolete digit forms ({@code head -5}) are left
 * out: as a first argument {@code -5c} would make the next argument a file, not the value {@code
 * -c} seems to take. Stateless and thread-safe.
 */
final class CoreutilsProfiles {
  private CoreutilsProfiles() {}

  static List<Profile> all() {
    return List.of(ls(), cat(), head(), tail(), wc());
  }

  private static Profile ls() {
    return Profile.of(
        Program.builder("ls")
            .flags("-a", "--all", "-A", "--almost-all", "--author", "-b", "--escape", "-B")
            .flags("--ignore-backups", "-c", "-C", "-d", "--directory", "-D", "--dired", "-f")
            .flags("-g", "-G", "--no-group", "--group-directories-first", "-h")
            .flags("--human-readable", "--si", "-i", "--inode", "-k", "--kibibytes", "-l", "-m")
            .flags("-n", "--numeric-uid-gid", "-N", "--literal", "-o", "-p", "-q")
            .flags("--hide-control-chars", "--show-control-chars", "-Q", "--quote-name", "-r")
            .flags("--reverse", "-R", "--recursive", "-s", "--size", "-S", "-t", "-u", "-U", "-v")
            .flags("-x", "-X", "-Z", "--context", "--zero", "-1", "--full-time", "--file-type")
            .flags("-F", "-H", "--dereference-command-line")
            .flags("--dereference-command-line-symlink-to-dir", "--help", "--version")
            .optionalValueOptions("--classify", "--color", "--hyperlink")
            .valueOptions("-w", "--width", "-T", "--tabsize", "-I", "--ignore", "--hide")
            .valueOptions("--block-size", "--format", "--indicator-style", "--quoting-style")
            .valueOptions("--sort", "--time", "--time-style")
            .deniedOption("-L", Reasons.FOLLOWS_LINKS)
            .deniedOption("--dereference", Reasons.FOLLOWS_LINKS)
            .build());
  }

  private static Profile cat() {
    return Profile.of(
        Program.builder("cat")
            .flags("-A", "--show-all", "-b", "--number-nonblank", "-e", "-E", "--show-ends", "-n")
            .flags("--number", "-s", "--squeeze-blank", "-t", "-T", "--show-tabs", "-u", "-v")
            .flags("--show-nonprinting", "--help", "--version")
            .build());
  }

  private static Profile head() {
    return Profile.of(
        Program.builder("head")
            .valueOptions("-c", "--bytes", "-n", "--lines")
            .flags("-q", "--quiet", "--silent", "-v", "--verbose", "-z", "--zero-terminated")
            .flags("--help", "--version")
            .build());
  }

  private static Profile tail() {
    return Profile.of(
        Program.builder("tail")
            .valueOptions("-c", "--bytes", "-n", "--lines", "--max-unchanged-stats", "--pid")
            .valueOptions("-s", "--sleep-interval")
            .flags("--retry", "-q", "--quiet", "--silent", "-v", "--verbose", "-z")
            .flags("--zero-terminated", "--help", "--version")
            .deniedOption("-f", Reasons.NEVER_ENDS)
            .deniedOption("-F", Reasons.NEVER_ENDS)
            .deniedOption("--follow", Reasons.NEVER_ENDS)
            .build());
  }

  private static Profile wc() {
    return Profile.of(
        Program.builder("wc")
            .flags("-c", "--bytes", "-m", "--chars", "-l", "--lines", "-w", "--words", "-L")
            .flags("--max-line-length", "--debug", "--help", "--version")
            .deniedOption("--files0-from", Reasons.NAMES_FROM_FILE)
            .build());
  }
}
