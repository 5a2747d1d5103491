package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.OptionSyntax;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles of the programs that search and compare: {@code grep} (GNU grep 3.8), {@code find}
 * (findutils 4.9) and {@code diff} (diffutils 3.8). Stateless and thread-safe.
 */
final class SearchProfiles {
  private SearchProfiles() {}

  static List<Profile> all() {
    return List.of(grep(), find(), diff());
  }

  private static Profile grep() {
    return Profile.of(
        Program.builder("grep")
            .scriptOperand("-e", "--regexp", "-f", "--file")
            .flags("-G", "--basic-regexp", "-E", "--extended-regexp", "-F", "--fixed-strings")
            .flags("--fixed-regexp", "-P", "--perl-regexp", "-i", "-y", "--ignore-case")
            .flags("--no-ignore-case", "-w", "--word-regexp", "-x", "--line-regexp", "-v")
            .flags("--invert-match", "-s", "--no-messages", "-q", "--quiet", "--silent", "-c")
            .flags("--count", "-l", "--files-with-matches", "-L", "--files-without-match", "-o")
            .flags("--only-matching", "-b", "--byte-offset", "-n", "--line-number", "-H")
            .flags("--with-filename", "-h", "--no-filename", "-T", "--initial-tab", "-Z")
            .flags("--null", "-z", "--null-data", "-a", "--text", "-I", "--line-buffered")
            .flags("--no-group-separator", "-U", "--binary", "-u", "--unix-byte-offsets")
            .flags("-0", "-1", "-2", "-3", "-4", "-5", "-6", "-7", "-8", "-9", "-r", "--recursive")
            .flags("--help", "-V", "--version")
            .valueOptions("-X", "-e", "--regexp", "--binary-files", "-m", "--max-count", "-A")
            .valueOptions("--after-context", "-B", "--before-context", "-C", "--context")
            .valueOptions("--group-separator", "--label", "-d", "--directories", "-D")
            .valueOptions("--devices", "--include", "--exclude", "--exclude-dir")
            .pathOptions("-f", "--file", "--exclude-from")
            .optionalValueOptions("--color", "--colour")
            .deniedOption("-R", Reasons.FOLLOWS_LINKS)
            .deniedOption("--dereference-recursive", Reasons.FOLLOWS_LINKS)
            .build());
  }

  /**
   * find's predicates are single-dash words. Its writing actions ({@code -fprint}...) are path
   * options here, and {@code -delete} is allowed (it stays inside the starting points, which are
   * confined, since links are never followed); the read-only preset denies them.
   */
  private static Profile find() {
    ProgramBuilder find =
        Program.builder("find")
            .syntax(OptionSyntax.SINGLE_DASH)
            .flags("-H", "-P", "-not", "-a", "-and", "-o", "-or", "-daystart", "-warn", "-nowarn")
            .flags("-d", "-depth", "-ignore_readdir_race", "-noignore_readdir_race", "-noleaf")
            .flags("-mount", "-xdev", "-help", "--help", "-version", "--version", "-empty")
            .flags("-executable", "-readable", "-writable", "-false", "-true", "-nogroup")
            .flags("-nouser", "-ls", "-print", "-print0", "-prune", "-quit", "-delete")
            .flags("-O0", "-O1", "-O2", "-O3")
            .valueOptions("-D", "-regextype", "-maxdepth", "-mindepth", "-amin", "-atime")
            .valueOptions("-cmin", "-ctime", "-mmin", "-mtime", "-used", "-context", "-fstype")
            .valueOptions("-gid", "-group", "-inum", "-links", "-perm", "-size", "-type", "-uid")
            .valueOptions("-user", "-xtype", "-name", "-iname", "-path", "-ipath", "-wholename")
            .valueOptions("-iwholename", "-regex", "-iregex", "-lname", "-ilname", "-printf")
            .pathOptions("-anewer", "-cnewer", "-newer", "-samefile")
            .pathOptions("-fls", "-fprint", "-fprint0", "-fprintf")
            .deniedOption("-exec", Reasons.RUNS)
            .deniedOption("-execdir", Reasons.RUNS)
            .deniedOption("-ok", Reasons.RUNS)
            .deniedOption("-okdir", Reasons.RUNS)
            .deniedOption("-L", Reasons.FOLLOWS_LINKS)
            .deniedOption("-follow", Reasons.FOLLOWS_LINKS)
            .deniedOption("-files0-from", Reasons.NAMES_FROM_FILE);
    // -newerXY compares with a file's time X/Y, or with a time string when Y is t.
    List<String> files = new ArrayList<>();
    List<String> times = new ArrayList<>();
    for (String x : List.of("a", "B", "c", "m")) {
      for (String y : List.of("a", "B", "c", "m")) {
        files.add("-newer" + x + y);
      }
      times.add("-newer" + x + "t");
    }
    return Profile.of(
        find.pathOptions(files.toArray(String[]::new))
            .valueOptions(times.toArray(String[]::new))
            .build());
  }

  /** diff follows links when it recurses, so {@code --no-dereference} is always passed. */
  private static Profile diff() {
    return Profile.of(
        Program.builder("diff")
            .fixedArguments("--no-dereference")
            .flags("-a", "--text", "-b", "--ignore-space-change", "-B", "--ignore-blank-lines")
            .flags("-E", "--ignore-tab-expansion", "-Z", "--ignore-trailing-space", "-w")
            .flags("--ignore-all-space", "-i", "--ignore-case", "--ignore-file-name-case")
            .flags("--no-ignore-file-name-case", "--binary", "-q", "--brief", "-s")
            .flags("--report-identical-files", "-e", "--ed", "-f", "--forward-ed", "-n", "--rcs")
            .flags("--normal", "-y", "--side-by-side", "--left-column", "--suppress-common-lines")
            .flags("-p", "--show-c-function", "-t", "--expand-tabs", "-T", "--initial-tab")
            .flags("--suppress-blank-empty", "-d", "--minimal", "-H", "--speed-large-files")
            .flags("--strip-trailing-cr", "-N", "--new-file", "-P", "--unidirectional-new-file")
            .flags("--inhibit-hunk-merge", "-c", "-u", "-0", "-1", "-2", "-3", "-4", "-5", "-6")
            .flags("-7", "-8", "-9", "--no-dereference", "-h", "--sdiff-merge-assist", "--help")
            .flags("-v", "--version", "-r", "--recursive")
            .valueOptions("-C", "-U", "--palette", "-D", "--ifdef", "--changed-group-format")
            .valueOptions("--new-group-format", "--old-group-format", "--unchanged-group-format")
            .valueOptions("--line-format", "--new-line-format", "--old-line-format")
            .valueOptions("--unchanged-line-format", "-x", "--exclude", "-S", "--starting-file")
            .valueOptions("-I", "--ignore-matching-lines", "-F", "--show-function-line", "-L")
            .valueOptions("--label", "-W", "--width", "--tabsize", "--horizon-lines")
            .optionalValueOptions("--context", "--unified", "--color")
            .pathOptions("-X", "--exclude-from", "--from-file", "--to-file")
            .deniedOption("-l", "passes the output through pr, another program")
            .deniedOption("--paginate", "passes the output through pr, another program")
            .build());
  }
}
