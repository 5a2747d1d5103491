package dev.xct.tools.shell.internal.profile;

import static dev.xct.tools.shell.internal.profile.GitReasons.READS_STDIN;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_CONFIGURED;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_GPG;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_IN_SUBMODULES;
import static dev.xct.tools.shell.internal.profile.GitReasons.WRITES;

import dev.xct.tools.shell.Options;

/**
 * Holds git 2.39's shared option tables: {@link #REV} (revision.c: log, show, diff, blame,
 * shortlog, rev-list), {@link #DIFF} (diff.c, consulted when no revision option matched) and {@link
 * #LOG} (the first pass of log, show and whatchanged). Generated from the options git's own parsers
 * declare, checked against {@code --help-all} and, for every file-valued option, against the files
 * git opens; {@code docs/tools-shell.md} explains the denials. Immutable and thread-safe.
 */
final class GitOptionGroups {
  private GitOptionGroups() {}

  static final Options REV =
      Options.builder()
          .flags("--all", "--reflog", "--indexed-objects", "--not", "--do-walk", "--bisect")
          .flags("--single-worktree", "--no-filter", "--end-of-options", "-0", "-1", "-2", "-3")
          .flags("-4", "-5", "-6", "-7", "-8", "-9", "--first-parent")
          .flags("--exclude-first-parent-only", "-g", "--walk-reflogs", "--merge")
          .flags("--topo-order", "--simplify-merges", "--simplify-by-decoration", "--date-order")
          .flags("--author-date-order", "--parents", "--dense", "--sparse", "--in-commit-order")
          .flags("--remove-empty", "--merges", "--no-merges", "--no-min-parents")
          .flags("--no-max-parents", "--boundary", "--left-right", "--left-only", "--right-only")
          .flags("--cherry", "--count", "--cherry-mark", "--cherry-pick", "--objects")
          .flags("--objects-edge", "--objects-edge-aggressive", "--verify-objects", "--unpacked")
          .flags("-r", "-t", "-m", "--cc", "--remerge-diff", "--no-diff-merges")
          .flags("--combined-all-paths", "-c", "-v", "--no-expand-tabs", "--no-notes")
          .flags("--standard-notes", "--no-standard-notes", "--no-show-signature", "--oneline")
          .flags("--graph", "--no-graph", "--encode-email-headers", "--no-encode-email-headers")
          .flags("--root", "--no-commit-id", "--always", "--no-abbrev", "--abbrev-commit")
          .flags("--no-abbrev-commit", "--full-diff", "--show-pulls", "--full-history")
          .flags("--relative-date", "--log-size", "--basic-regexp", "--extended-regexp", "-E")
          .flags("--regexp-ignore-case", "-i", "--fixed-strings", "-F", "--perl-regexp", "-P")
          .flags("--all-match", "--invert-grep", "--reverse", "--children", "--ignore-missing")
          .flags("--exclude-promisor-objects")
          .optionalValueOptions("--branches", "--tags", "--remotes", "--no-walk", "--filter")
          .optionalValueOptions("--ancestry-path", "--early-output", "--min-parents")
          .optionalValueOptions("--max-parents", "--no-kept-objects", "--pretty", "--format")
          .optionalValueOptions("--expand-tabs", "--show-notes", "--notes")
          .optionalValueOptions("--show-linear-break", "--abbrev")
          .valueOptions("--glob", "--exclude", "--exclude-hidden", "-n", "--max-count", "--skip")
          .valueOptions("--max-age", "--since", "--since-as-filter", "--after", "--min-age")
          .valueOptions("--before", "--until", "--default", "--diff-merges", "--date")
          .valueOptions("--author", "--committer", "--grep-reflog", "--grep", "--encoding")
          .deniedOption("--alternate-refs", RUNS_CONFIGURED)
          .deniedOption("--stdin", READS_STDIN)
          .deniedOption("--show-signature", RUNS_GPG)
          .build();

  static final Options DIFF =
      Options.builder()
          .flags("-p", "--patch", "-u", "--no-patch", "-s", "-W", "--function-context", "--raw")
          .flags("--patch-with-raw", "--patch-with-stat", "--numstat", "--shortstat")
          .flags("--cumulative", "--check", "--summary", "--name-only", "--name-status")
          .flags("--compact-summary", "--binary", "--full-index", "-z", "--no-prefix", "-D")
          .flags("--irreversible-delete", "--find-copies-harder", "--no-renames")
          .flags("--rename-empty", "--follow", "--minimal", "--indent-heuristic", "--patience")
          .flags("--histogram", "-w", "--ignore-all-space", "--ignore-space-change")
          .flags("--ignore-space-at-eol", "--ignore-cr-at-eol", "--ignore-blank-lines", "-b")
          .flags("-a", "--text", "-R", "--exit-code", "--quiet", "--no-ext-diff")
          .flags("--no-textconv", "--ita-invisible-in-index", "--ita-visible-in-index")
          .flags("--pickaxe-all", "--pickaxe-regex", "--no-function-context")
          .flags("--no-compact-summary", "--no-full-index", "--no-color", "--no-abbrev")
          .flags("--no-find-copies-harder", "--no-rename-empty", "--no-follow", "--no-minimal")
          .flags("--no-ignore-matching-lines", "--no-indent-heuristic", "--no-color-moved")
          .flags("--no-color-moved-ws", "--no-relative", "--no-text", "--no-exit-code")
          .flags("--no-quiet")
          .optionalValueOptions("-U", "--unified", "-X", "--dirstat", "--dirstat-by-file")
          .optionalValueOptions("--stat", "--color", "--abbrev", "-B", "--break-rewrites", "-M")
          .optionalValueOptions("--find-renames", "-C", "--find-copies", "--word-diff")
          .optionalValueOptions("--color-words", "--color-moved", "--relative")
          .optionalValueOptions("--ignore-submodules")
          .valueOptions("--stat-width", "--stat-name-width", "--stat-graph-width")
          .valueOptions("--stat-count", "--ws-error-highlight", "--src-prefix", "--dst-prefix")
          .valueOptions("--line-prefix", "--inter-hunk-context", "--output-indicator-new")
          .valueOptions("--output-indicator-old", "--output-indicator-context", "-l", "-I")
          .valueOptions("--ignore-matching-lines", "--diff-algorithm", "--anchored")
          .valueOptions("--word-diff-regex", "--color-moved-ws", "-S", "-G", "--rotate-to")
          .valueOptions("--skip-to", "--find-object", "--diff-filter")
          .pathOptions("-O")
          .deniedOption("--ext-diff", RUNS_CONFIGURED)
          .deniedOption("--textconv", RUNS_CONFIGURED)
          .deniedOption("--submodule", RUNS_IN_SUBMODULES)
          .deniedOption("--output", WRITES)
          .build();

  static final Options LOG =
      Options.builder()
          .flags("-q", "--quiet", "--source", "--use-mailmap", "--mailmap")
          .flags("--clear-decorations", "--no-quiet", "--no-source", "--no-use-mailmap")
          .flags("--no-mailmap", "--no-decorate-refs", "--no-decorate-refs-exclude")
          .flags("--no-decorate")
          .valueOptions("--decorate-refs", "--decorate-refs-exclude", "-L")
          .optionalValueOptions("--decorate")
          .build();
}
