package dev.xct.tools.shell;

import dev.xct.tools.shell.internal.GitRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Provides vetted, read-only rules for common programs (GNU coreutils, grep, findutils, diffutils
 * and git as shipped by Debian 12), each denying the options that run other programs, write files,
 * or read outside the root, with the reason the model is told.
 *
 * <p>Options whose value is optional ({@code --color[=WHEN]}) are declared as flags: such a value
 * can only be attached with {@code =}, so the next argument stays an operand and is path-checked.
 * {@code docs/tools-shell.md} lists every denied option and why. Every returned rule is immutable
 * and thread-safe; adapt one with {@link Program#toBuilder()}.
 */
public final class Presets {
  private static final String FOLLOWS_LINKS =
      "follows symbolic links, which can lead outside the root";

  private Presets() {}

  /** Returns every preset: {@code cat diff find git grep head ls tail wc}. */
  public static List<Program> all() {
    return List.of(cat(), diff(), find(), git(), grep(), head(), ls(), tail(), wc());
  }

  /** Returns {@code ls}; denies {@code -L}/{@code --dereference}. */
  public static Program ls() {
    return Program.builder("ls")
        .readOnly(true)
        .deniedOption("-L", FOLLOWS_LINKS)
        .deniedOption("--dereference", FOLLOWS_LINKS)
        .valueOptions("-I", "--ignore", "--hide", "-w", "--width", "-T", "--tabsize")
        .valueOptions("--block-size", "--format", "--indicator-style", "--quoting-style")
        .valueOptions("--sort", "--time", "--time-style")
        .flags("--dereference-command-line", "--dereference-command-line-symlink-to-dir")
        .flags("--color", "--classify", "--hyperlink")
        .build();
  }

  /** Returns {@code cat}; it has no dangerous options, only path operands. */
  public static Program cat() {
    return Program.builder("cat").readOnly(true).build();
  }

  /** Returns {@code wc}; denies {@code --files0-from}. */
  public static Program wc() {
    return Program.builder("wc")
        .readOnly(true)
        .deniedOption(
            "--files0-from", "reads the names of the files from a file, out of reach of the checks")
        .build();
  }

  /** Returns {@code head}. */
  public static Program head() {
    return Program.builder("head")
        .readOnly(true)
        .valueOptions("-n", "--lines", "-c", "--bytes")
        .build();
  }

  /** Returns {@code tail}; denies following a file, which never ends. */
  public static Program tail() {
    String follows = "waits for the file to grow and never ends";
    return Program.builder("tail")
        .readOnly(true)
        .deniedOption("-f", follows)
        .deniedOption("-F", follows)
        .deniedOption("--follow", follows)
        .deniedOption("--retry", follows)
        .valueOptions("-n", "--lines", "-c", "--bytes", "-s", "--sleep-interval", "--pid")
        .valueOptions("--max-unchanged-stats")
        .build();
  }

  /**
   * Returns {@code grep}; denies {@code -R}/{@code --dereference-recursive} and confines the
   * pattern files of {@code -f}/{@code --file}/{@code --exclude-from}.
   */
  public static Program grep() {
    return Program.builder("grep")
        .readOnly(true)
        .deniedOption("-R", FOLLOWS_LINKS)
        .deniedOption("--dereference-recursive", FOLLOWS_LINKS)
        .pathOptions("-f", "--file", "--exclude-from")
        .valueOptions("-e", "--regexp", "-m", "--max-count", "-A", "--after-context")
        .valueOptions("-B", "--before-context", "-C", "--context", "--include", "--exclude")
        .valueOptions("--exclude-dir", "--label", "-d", "--directories", "-D", "--devices")
        .valueOptions("--binary-files", "--group-separator")
        .flags("--color", "--colour")
        .build();
  }

  /**
   * Returns {@code find}; denies the actions that run programs ({@code -exec}, {@code -execdir},
   * {@code -ok}, {@code -okdir}), delete ({@code -delete}) or write files ({@code -fprint}, {@code
   * -fprint0}, {@code -fprintf}, {@code -fls}), following links ({@code -L}, {@code -H}, {@code
   * -follow}) and {@code -files0-from}.
   */
  public static Program find() {
    String runs = "runs another program";
    String writes = "writes to a file";
    Program.Builder find =
        Program.builder("find")
            .syntax(OptionSyntax.SINGLE_DASH)
            .readOnly(true)
            .deniedOption("-exec", runs)
            .deniedOption("-execdir", runs)
            .deniedOption("-ok", runs)
            .deniedOption("-okdir", runs)
            .deniedOption("-delete", "deletes files")
            .deniedOption("-fprint", writes)
            .deniedOption("-fprint0", writes)
            .deniedOption("-fprintf", writes)
            .deniedOption("-fls", writes)
            .deniedOption("-L", FOLLOWS_LINKS)
            .deniedOption("-H", FOLLOWS_LINKS)
            .deniedOption("-follow", FOLLOWS_LINKS)
            .deniedOption(
                "-files0-from", "reads the starting points from a file, out of reach of the checks")
            .pathOptions("-newer", "-anewer", "-cnewer", "-samefile")
            .valueOptions("-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename")
            .valueOptions("-regex", "-iregex", "-regextype", "-lname", "-ilname", "-type")
            .valueOptions("-xtype", "-perm", "-size", "-user", "-group", "-uid", "-gid")
            .valueOptions("-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin", "-used")
            .valueOptions("-links", "-inum", "-maxdepth", "-mindepth", "-printf", "-fstype")
            .valueOptions("-context", "-D");
    List<String> times = List.of("a", "B", "c", "m");
    List<String> newerFile = new ArrayList<>();
    List<String> newerTime = new ArrayList<>();
    for (String x : times) {
      times.forEach(y -> newerFile.add("-newer" + x + y));
      newerTime.add("-newer" + x + "t");
    }
    return find.pathOptions(newerFile.toArray(String[]::new))
        .valueOptions(newerTime.toArray(String[]::new))
        .build();
  }

  /**
   * Returns {@code diff}; denies {@code -l}/{@code --paginate}, confines {@code --from-file},
   * {@code --to-file} and {@code -X}, and always passes {@code --no-dereference} so that a
   * recursive comparison does not follow links out of the root.
   */
  public static Program diff() {
    String pr = "passes the output through pr, another program";
    return Program.builder("diff")
        .readOnly(true)
        .fixedArguments("--no-dereference")
        .deniedOption("-l", pr)
        .deniedOption("--paginate", pr)
        .pathOptions("--from-file", "--to-file", "-X", "--exclude-from")
        .valueOptions("-x", "--exclude", "-I", "--ignore-matching-lines", "-S", "--starting-file")
        .valueOptions("-L", "--label", "-C", "-U", "-D", "--ifdef", "-W", "--width", "--tabsize")
        .valueOptions("-F", "--show-function-line", "--horizon-lines", "--palette")
        .valueOptions("--line-format", "--old-line-format", "--new-line-format")
        .valueOptions("--unchanged-line-format", "--old-group-format", "--new-group-format")
        .valueOptions("--changed-group-format", "--unchanged-group-format")
        .flags("--context", "--unified", "--color")
        .build();
  }

  /**
   * Returns {@code git} limited to read-only subcommands ({@code status log show diff blame
   * ls-files ls-tree rev-parse cat-file shortlog describe grep show-ref rev-list}), with no option
   * allowed before the subcommand and the repository's power to run programs neutralised as far as
   * git allows: command-line {@code -c} settings (which beat the repository's configuration) switch
   * off {@code core.fsmonitor}, hooks, the pager and the signature programs; {@code --no-ext-diff
   * --no-textconv} are forced where they apply; system and global configuration are ignored,
   * optional index writes are off, and repository discovery stops at the root's parent. Denied:
   * {@code -c}, {@code --exec-path}, {@code --upload-pack}, {@code --receive-pack}, {@code
   * --config-env}, {@code --output}, {@code --no-index}, {@code --ext-diff}, {@code --textconv},
   * {@code -O}, {@code --open-files-in-pager}, {@code --contents}, {@code --show-signature} and
   * {@code --filters}. Not neutralised: clean filters ({@code filter.<driver>.clean}) named by
   * {@code .gitattributes} and defined in the repository's own configuration, which git runs when
   * it reads the work tree ({@code diff}, {@code blame}, {@code status}); treat the repository's
   * {@code .git} directory as trusted code and keep the model from writing to it.
   */
  public static Program git() {
    return GitRule.rule();
  }
}
