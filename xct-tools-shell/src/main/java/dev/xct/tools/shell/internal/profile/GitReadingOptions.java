package dev.xct.tools.shell.internal.profile;

import static dev.xct.tools.shell.internal.profile.GitReasons.READS_OUTSIDE;
import static dev.xct.tools.shell.internal.profile.GitReasons.READS_STDIN;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_CONFIGURED;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_IN_SUBMODULES;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_PAGER;

import dev.xct.tools.shell.Options;

/**
 * Holds the own option tables of git 2.39's reading subcommands, which shadow the shared groups
 * where a letter means something else ({@code blame -S} is a file, {@code shortlog -n} a flag).
 * Generated like {@link GitOptionGroups}. Immutable and thread-safe.
 */
final class GitReadingOptions {
  private GitReadingOptions() {}

  static final Options STATUS =
      Options.builder()
          .flags("-v", "--verbose", "-s", "--short", "-b", "--branch", "--show-stash")
          .flags("--ahead-behind", "--long", "-z", "--null", "--no-renames", "--renames")
          .flags("--no-verbose", "--no-short", "--no-branch", "--no-show-stash")
          .flags("--no-ahead-behind", "--no-porcelain", "--no-long", "--no-null")
          .flags("--no-untracked-files", "--no-ignored", "--no-ignore-submodules", "--no-column")
          .optionalValueOptions("--porcelain", "-u", "--untracked-files", "--ignored")
          .optionalValueOptions("--ignore-submodules", "--column", "-M", "--find-renames")
          .build();

  static final Options DIFF =
      Options.builder()
          .flags("--cached", "--staged", "--merge-base", "--base", "--ours", "--theirs", "-q")
          .flags("-h")
          .deniedOption("--no-index", READS_OUTSIDE)
          .build();

  static final Options BLAME =
      Options.builder()
          .flags("--incremental", "--root", "--show-stats", "--progress", "--score-debug", "-b")
          .flags("-f", "--show-name", "--line-porcelain", "-e", "--show-email", "-n")
          .flags("--show-number", "-p", "--porcelain", "-c", "-t", "-l", "-s", "-w")
          .flags("--color-lines", "--color-by-age", "--minimal", "--no-incremental", "--no-root")
          .flags("--no-show-stats", "--no-progress", "--no-score-debug", "--no-show-name")
          .flags("--no-show-number", "--no-porcelain", "--no-line-porcelain", "--no-show-email")
          .flags("--no-ignore-rev", "--no-ignore-revs-file", "--no-color-lines")
          .flags("--no-color-by-age", "--no-minimal", "--no-contents", "--no-abbrev")
          .valueOptions("--ignore-rev", "-L")
          .pathOptions("--ignore-revs-file", "-S")
          .optionalValueOptions("-C", "-M", "--abbrev")
          .deniedOption("--contents", READS_OUTSIDE)
          .build();

  static final Options LS_FILES =
      Options.builder()
          .flags("-z", "-t", "-v", "-f", "-c", "--cached", "-d", "--deleted", "-m", "--modified")
          .flags("-o", "--others", "-i", "--ignored", "-s", "--stage", "-k", "--killed")
          .flags("--directory", "--eol", "--empty-directory", "-u", "--unmerged")
          .flags("--resolve-undo", "--exclude-standard", "--full-name", "--error-unmatch")
          .flags("--debug", "--deduplicate", "--sparse", "--no-cached", "--no-deleted")
          .flags("--no-modified", "--no-others", "--no-ignored", "--no-stage", "--no-killed")
          .flags("--no-directory", "--no-eol", "--no-empty-directory", "--no-unmerged")
          .flags("--no-resolve-undo", "--no-exclude-per-directory", "--no-recurse-submodules")
          .flags("--no-error-unmatch", "--no-with-tree", "--no-abbrev", "--no-debug")
          .flags("--no-deduplicate", "--no-sparse")
          .valueOptions("-x", "--exclude", "--with-tree", "--format")
          .pathOptions("-X", "--exclude-from", "--exclude-per-directory")
          .optionalValueOptions("--abbrev")
          .deniedOption("--recurse-submodules", RUNS_IN_SUBMODULES)
          .build();

  static final Options LS_TREE =
      Options.builder()
          .flags("-d", "-r", "-t", "-z", "-l", "--long", "--name-only", "--name-status")
          .flags("--object-only", "--full-name", "--full-tree", "--no-full-name")
          .flags("--no-full-tree", "--no-abbrev")
          .valueOptions("--format")
          .optionalValueOptions("--abbrev")
          .build();

  static final Options REV_PARSE =
      Options.builder()
          .flags("--sq-quote", "-h", "--local-env-vars", "--revs-only", "--no-revs", "--flags")
          .flags("--no-flags", "--verify", "--quiet", "-q", "--sq", "--not", "--symbolic")
          .flags("--symbolic-full-name", "--all", "--bisect", "--show-toplevel", "--show-prefix")
          .flags("--show-cdup", "--git-dir", "--absolute-git-dir", "--git-common-dir")
          .flags("--is-inside-git-dir", "--is-inside-work-tree", "--is-bare-repository")
          .flags("--is-shallow-repository", "--shared-index-path", "--end-of-options")
          .pathOptions("--resolve-git-dir")
          .valueOptions("--git-path", "-n", "--default")
          .optionalValueOptions("--path-format", "--short", "--abbrev-ref", "--disambiguate")
          .optionalValueOptions("--branches", "--tags", "--remotes", "--glob", "--exclude")
          .optionalValueOptions("--exclude-hidden", "--since", "--after", "--before", "--until")
          .optionalValueOptions("--show-object-format")
          .deniedOption("--parseopt", READS_STDIN)
          .deniedOption("--prefix", READS_OUTSIDE)
          .deniedOption("--show-superproject-working-tree", READS_OUTSIDE)
          .build();

  static final Options CAT_FILE =
      Options.builder()
          .flags("-e", "-p", "-t", "-s", "--allow-unknown-type", "--use-mailmap", "--mailmap")
          .flags("-z", "--batch-all-objects", "--buffer", "--follow-symlinks", "--unordered")
          .flags("--no-allow-unknown-type", "--no-use-mailmap", "--no-mailmap", "--no-buffer")
          .flags("--no-follow-symlinks", "--no-unordered", "--no-path")
          .valueOptions("--path")
          .deniedOption("--batch", READS_STDIN)
          .deniedOption("--batch-check", READS_STDIN)
          .deniedOption("--batch-command", READS_STDIN)
          .deniedOption("--textconv", RUNS_CONFIGURED)
          .deniedOption("--filters", RUNS_CONFIGURED)
          .build();

  static final Options SHORTLOG =
      Options.builder()
          .flags("-c", "--committer", "-n", "--numbered", "-s", "--summary", "-e", "--email")
          .flags("--no-committer", "--no-numbered", "--no-summary", "--no-email", "--no-group")
          .optionalValueOptions("-w")
          .valueOptions("--group")
          .build();

  static final Options DESCRIBE =
      Options.builder()
          .flags("--contains", "--debug", "--all", "--tags", "--long", "--first-parent")
          .flags("--exact-match", "--always", "--no-contains", "--no-debug", "--no-all")
          .flags("--no-tags", "--no-long", "--no-first-parent", "--no-abbrev")
          .flags("--no-exact-match", "--no-candidates", "--no-match", "--no-exclude")
          .flags("--no-always", "--no-dirty", "--no-broken")
          .optionalValueOptions("--abbrev", "--dirty", "--broken")
          .valueOptions("--candidates", "--match", "--exclude")
          .build();

  static final Options GREP =
      Options.builder()
          .flags("--cached", "--untracked", "--exclude-standard", "--index", "-v")
          .flags("--invert-match", "-i", "--ignore-case", "-w", "--word-regexp", "-a", "--text")
          .flags("-I", "-r", "--recursive", "-E", "--extended-regexp", "-G", "--basic-regexp")
          .flags("-F", "--fixed-strings", "-P", "--perl-regexp", "-n", "--line-number")
          .flags("--column", "-H", "--full-name", "-l", "--files-with-matches", "--name-only")
          .flags("-L", "--files-without-match", "-z", "--null", "-o", "--only-matching", "-c")
          .flags("--count", "--break", "--heading", "-h", "-0", "-1", "-2", "-3", "-4", "-5")
          .flags("-6", "-7", "-8", "-9", "-p", "--show-function", "-W", "--function-context")
          .flags("--and", "--or", "--not", "-q", "--quiet", "--all-match", "--ext-grep")
          .flags("--no-cached", "--no-untracked", "--no-exclude-standard")
          .flags("--no-recurse-submodules", "--no-invert-match", "--no-ignore-case")
          .flags("--no-word-regexp", "--no-text", "--no-textconv", "--no-recursive")
          .flags("--no-extended-regexp", "--no-basic-regexp", "--no-fixed-strings")
          .flags("--no-perl-regexp", "--no-line-number", "--no-column", "--no-full-name")
          .flags("--no-files-with-matches", "--no-name-only", "--no-files-without-match")
          .flags("--no-null", "--no-only-matching", "--no-count", "--no-color", "--no-break")
          .flags("--no-heading", "--no-context", "--no-before-context", "--no-after-context")
          .flags("--no-threads", "--no-show-function", "--no-function-context", "--no-or")
          .flags("--no-quiet", "--no-all-match", "--no-open-files-in-pager", "--no-ext-grep")
          .flags("--no-max-count")
          .valueOptions("--max-depth", "-C", "--context", "-B", "--before-context", "-A")
          .valueOptions("--after-context", "--threads", "-m", "--max-count", "-e")
          .optionalValueOptions("--color")
          .pathOptions("-f")
          .deniedOption("--recurse-submodules", RUNS_IN_SUBMODULES)
          .deniedOption("--no-index", READS_OUTSIDE)
          .deniedOption("--textconv", RUNS_CONFIGURED)
          .deniedOption("-O", RUNS_PAGER)
          .deniedOption("--open-files-in-pager", RUNS_PAGER)
          .build();

  static final Options SHOW_REF =
      Options.builder()
          .flags("--tags", "--heads", "--verify", "--head", "-d", "--dereference", "-q")
          .flags("--quiet", "-h", "--no-tags", "--no-heads", "--no-verify", "--no-head")
          .flags("--no-dereference", "--no-hash", "--no-abbrev", "--no-quiet")
          .optionalValueOptions("-s", "--hash", "--abbrev")
          .deniedOption("--exclude-existing", READS_STDIN)
          .build();

  static final Options REV_LIST =
      Options.builder()
          .flags("--header", "--timestamp", "--bisect-all", "--bisect-vars")
          .flags("--use-bitmap-index", "--test-bitmap", "--filter-provided-objects")
          .flags("--filter-print-omitted", "--exclude-promisor-objects", "--no-object-names")
          .flags("--object-names", "--commit-header", "--no-commit-header")
          .optionalValueOptions("--progress", "--missing", "--disk-usage")
          .build();
}
