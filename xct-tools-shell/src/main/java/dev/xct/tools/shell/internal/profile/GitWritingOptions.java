package dev.xct.tools.shell.internal.profile;

import static dev.xct.tools.shell.internal.profile.GitReasons.COPIES_TEMPLATE;
import static dev.xct.tools.shell.internal.profile.GitReasons.INTERACTIVE;
import static dev.xct.tools.shell.internal.profile.GitReasons.NAMES_FROM_FILE;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_EDITOR;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_GPG;
import static dev.xct.tools.shell.internal.profile.GitReasons.RUNS_IN_SUBMODULES;
import static dev.xct.tools.shell.internal.profile.GitReasons.WRITES_OUTSIDE;

import dev.xct.tools.shell.Options;

/**
 * Holds the option tables of git 2.39's subcommands that change the repository or the work tree.
 * Generated like {@link GitOptionGroups}. Immutable and thread-safe.
 */
final class GitWritingOptions {
  private GitWritingOptions() {}

  static final Options ADD =
      Options.builder()
          .flags("-n", "--dry-run", "-v", "--verbose", "-f", "--force", "-u", "--update")
          .flags("--renormalize", "-N", "--intent-to-add", "-A", "--all", "--ignore-removal")
          .flags("--refresh", "--ignore-errors", "--ignore-missing", "--sparse")
          .flags("--warn-embedded-repo", "--pathspec-file-nul", "--no-dry-run", "--no-verbose")
          .flags("--no-interactive", "--no-patch", "--no-edit", "--no-force", "--no-update")
          .flags("--no-renormalize", "--no-intent-to-add", "--no-all", "--no-ignore-removal")
          .flags("--no-refresh", "--no-ignore-errors", "--no-ignore-missing", "--no-sparse")
          .flags("--no-chmod", "--no-warn-embedded-repo", "--no-pathspec-from-file")
          .flags("--no-pathspec-file-nul")
          .valueOptions("--chmod")
          .deniedOption("-i", INTERACTIVE)
          .deniedOption("--interactive", INTERACTIVE)
          .deniedOption("-p", INTERACTIVE)
          .deniedOption("--patch", INTERACTIVE)
          .deniedOption("-e", RUNS_EDITOR)
          .deniedOption("--edit", RUNS_EDITOR)
          .deniedOption("--pathspec-from-file", NAMES_FROM_FILE)
          .build();

  static final Options COMMIT =
      Options.builder()
          .flags("-q", "--quiet", "-v", "--verbose", "--reset-author", "-s", "--signoff")
          .flags("--status", "-a", "--all", "-i", "--include", "-o", "--only", "--dry-run")
          .flags("--short", "--branch", "--ahead-behind", "--porcelain", "--long", "-z")
          .flags("--null", "--no-post-rewrite", "--allow-empty", "--allow-empty-message")
          .flags("--amend", "-n", "--no-verify", "--verify", "--post-rewrite", "--no-gpg-sign")
          .flags("--pathspec-file-nul", "--no-quiet", "--no-verbose", "--no-file", "--no-author")
          .flags("--no-date", "--no-message", "--no-reedit-message", "--no-reuse-message")
          .flags("--no-fixup", "--no-squash", "--no-reset-author", "--no-signoff")
          .flags("--no-template", "--no-edit", "--no-cleanup", "--no-status", "--no-all")
          .flags("--no-include", "--no-interactive", "--no-patch", "--no-only", "--no-dry-run")
          .flags("--no-short", "--no-branch", "--no-ahead-behind", "--no-porcelain", "--no-long")
          .flags("--no-null", "--no-amend", "--no-untracked-files", "--no-pathspec-from-file")
          .flags("--no-pathspec-file-nul", "--no-allow-empty", "--no-allow-empty-message")
          .pathOptions("-F", "--file", "-t", "--template")
          .valueOptions("--author", "--date", "-m", "--message", "-C", "--reuse-message")
          .valueOptions("--fixup", "--squash", "--trailer", "--cleanup")
          .optionalValueOptions("-u", "--untracked-files")
          .deniedOption("-c", RUNS_EDITOR)
          .deniedOption("--reedit-message", RUNS_EDITOR)
          .deniedOption("-e", RUNS_EDITOR)
          .deniedOption("--edit", RUNS_EDITOR)
          .deniedOption("-S", RUNS_GPG)
          .deniedOption("--gpg-sign", RUNS_GPG)
          .deniedOption("--interactive", INTERACTIVE)
          .deniedOption("-p", INTERACTIVE)
          .deniedOption("--patch", INTERACTIVE)
          .deniedOption("--pathspec-from-file", NAMES_FROM_FILE)
          .build();

  static final Options CHECKOUT =
      Options.builder()
          .valueOptions("-b", "-B", "--conflict", "--orphan")
          .flags("-l", "--guess", "--overlay", "-q", "--quiet", "--progress", "-m", "--merge")
          .flags("-d", "--detach", "-f", "--force", "--overwrite-ignore")
          .flags("--ignore-other-worktrees", "--ours", "--theirs", "--ignore-skip-worktree-bits")
          .flags("-2", "-3", "--pathspec-file-nul", "--no-guess", "--no-overlay", "--no-quiet")
          .flags("--no-recurse-submodules", "--no-progress", "--no-merge", "--no-conflict")
          .flags("--no-detach", "--no-track", "--no-force", "--no-orphan")
          .flags("--no-overwrite-ignore", "--no-ignore-other-worktrees", "--no-patch")
          .flags("--no-ignore-skip-worktree-bits", "--no-pathspec-from-file")
          .flags("--no-pathspec-file-nul")
          .optionalValueOptions("-t", "--track")
          .deniedOption("--recurse-submodules", RUNS_IN_SUBMODULES)
          .deniedOption("-p", INTERACTIVE)
          .deniedOption("--patch", INTERACTIVE)
          .deniedOption("--pathspec-from-file", NAMES_FROM_FILE)
          .build();

  static final Options SWITCH =
      Options.builder()
          .valueOptions("-c", "--create", "-C", "--force-create", "--conflict", "--orphan")
          .flags("--guess", "--discard-changes", "-q", "--quiet", "--progress", "-m", "--merge")
          .flags("-d", "--detach", "-f", "--force", "--overwrite-ignore")
          .flags("--ignore-other-worktrees", "--no-create", "--no-force-create", "--no-guess")
          .flags("--no-discard-changes", "--no-quiet", "--no-recurse-submodules")
          .flags("--no-progress", "--no-merge", "--no-conflict", "--no-detach", "--no-track")
          .flags("--no-force", "--no-orphan", "--no-overwrite-ignore")
          .flags("--no-ignore-other-worktrees")
          .optionalValueOptions("-t", "--track")
          .deniedOption("--recurse-submodules", RUNS_IN_SUBMODULES)
          .build();

  static final Options RESTORE =
      Options.builder()
          .valueOptions("-s", "--source", "--conflict")
          .flags("-S", "--staged", "-W", "--worktree", "--ignore-unmerged", "--overlay", "-q")
          .flags("--quiet", "--progress", "-m", "--merge", "--ours", "--theirs")
          .flags("--ignore-skip-worktree-bits", "-2", "-3", "--pathspec-file-nul", "--no-source")
          .flags("--no-staged", "--no-worktree", "--no-ignore-unmerged", "--no-overlay")
          .flags("--no-quiet", "--no-recurse-submodules", "--no-progress", "--no-merge")
          .flags("--no-conflict", "--no-patch", "--no-ignore-skip-worktree-bits")
          .flags("--no-pathspec-from-file", "--no-pathspec-file-nul")
          .deniedOption("--recurse-submodules", RUNS_IN_SUBMODULES)
          .deniedOption("-p", INTERACTIVE)
          .deniedOption("--patch", INTERACTIVE)
          .deniedOption("--pathspec-from-file", NAMES_FROM_FILE)
          .build();

  static final Options RESET =
      Options.builder()
          .flags("-q", "--quiet", "--no-refresh", "--mixed", "--soft", "-N", "--intent-to-add")
          .flags("--refresh", "--hard", "--merge", "--keep", "--pathspec-file-nul", "--no-quiet")
          .flags("--no-mixed", "--no-soft", "--no-hard", "--no-merge", "--no-keep")
          .flags("--no-recurse-submodules", "--no-patch", "--no-intent-to-add")
          .flags("--no-pathspec-from-file", "--no-pathspec-file-nul")
          .deniedOption("--recurse-submodules", RUNS_IN_SUBMODULES)
          .deniedOption("-p", INTERACTIVE)
          .deniedOption("--patch", INTERACTIVE)
          .deniedOption("--pathspec-from-file", NAMES_FROM_FILE)
          .build();

  static final Options BRANCH =
      Options.builder()
          .flags("-v", "--verbose", "-q", "--quiet", "-r", "--remotes", "-a", "--all", "-d")
          .flags("--delete", "-D", "-m", "--move", "-M", "-c", "--copy", "-C", "-l", "--list")
          .flags("--show-current", "--create-reflog", "-f", "--force", "-i", "--ignore-case")
          .flags("--unset-upstream", "--set-upstream", "--no-verbose", "--no-quiet")
          .flags("--no-track", "--no-set-upstream", "--no-set-upstream-to")
          .flags("--no-unset-upstream", "--no-color", "--no-remotes", "--no-abbrev", "--no-all")
          .flags("--no-delete", "--no-move", "--no-copy", "--no-list", "--no-show-current")
          .flags("--no-create-reflog", "--no-edit-description", "--no-force", "--no-column")
          .flags("--no-sort", "--no-points-at", "--no-ignore-case", "--no-recurse-submodules")
          .flags("--no-format")
          .optionalValueOptions("-t", "--track", "--color", "--abbrev", "--column")
          .valueOptions("-u", "--set-upstream-to", "--contains", "--no-contains", "--with")
          .valueOptions("--without", "--merged", "--no-merged", "--sort", "--points-at")
          .valueOptions("--format")
          .deniedOption("--recurse-submodules", RUNS_IN_SUBMODULES)
          .deniedOption("--edit-description", RUNS_EDITOR)
          .build();

  static final Options TAG =
      Options.builder()
          .flags("-l", "--list", "-d", "--delete", "-f", "--force", "--create-reflog", "-i")
          .flags("--ignore-case", "-a", "--annotate", "--no-annotate", "--no-file", "--no-edit")
          .flags("--no-sign", "--no-cleanup", "--no-local-user", "--no-force")
          .flags("--no-create-reflog", "--no-column", "--no-sort", "--no-points-at")
          .flags("--no-format", "--no-color", "--no-ignore-case")
          .optionalValueOptions("-n", "--column", "--color")
          .valueOptions("-m", "--message", "--cleanup", "--contains", "--no-contains", "--with")
          .valueOptions("--without", "--merged", "--no-merged", "--points-at", "--sort")
          .valueOptions("--format")
          .pathOptions("-F", "--file")
          .deniedOption("-v", RUNS_GPG)
          .deniedOption("--verify", RUNS_GPG)
          .deniedOption("-e", RUNS_EDITOR)
          .deniedOption("--edit", RUNS_EDITOR)
          .deniedOption("-s", RUNS_GPG)
          .deniedOption("--sign", RUNS_GPG)
          .deniedOption("-u", RUNS_GPG)
          .deniedOption("--local-user", RUNS_GPG)
          .build();

  static final Options RM =
      Options.builder()
          .flags("-n", "--dry-run", "-q", "--quiet", "--cached", "-f", "--force", "-r")
          .flags("--ignore-unmatch", "--sparse", "--pathspec-file-nul", "--no-dry-run")
          .flags("--no-quiet", "--no-cached", "--no-force", "--no-ignore-unmatch", "--no-sparse")
          .flags("--no-pathspec-from-file", "--no-pathspec-file-nul")
          .deniedOption("--pathspec-from-file", NAMES_FROM_FILE)
          .build();

  static final Options MV =
      Options.builder()
          .flags("-v", "--verbose", "-n", "--dry-run", "-f", "--force", "-k", "--sparse")
          .flags("--no-verbose", "--no-dry-run", "--no-force", "--no-sparse")
          .build();

  static final Options INIT =
      Options.builder()
          .flags("--bare", "-q", "--quiet", "--no-template", "--no-bare", "--no-quiet")
          .flags("--no-separate-git-dir", "--no-initial-branch", "--no-object-format")
          .optionalValueOptions("--shared")
          .pathOptions("--separate-git-dir")
          .valueOptions("-b", "--initial-branch", "--object-format")
          .deniedOption("--template", COPIES_TEMPLATE)
          .build();

  static final Options APPLY =
      Options.builder()
          .valueOptions("--exclude", "--include", "-p", "-C", "--whitespace")
          .flags("--no-add", "--stat", "--allow-binary-replacement", "--binary", "--numstat")
          .flags("--summary", "--check", "--index", "-N", "--intent-to-add", "--cached")
          .flags("--apply", "-3", "--3way", "-z", "--ignore-space-change", "--ignore-whitespace")
          .flags("-R", "--reverse", "--unidiff-zero", "--allow-overlap", "-v", "--verbose", "-q")
          .flags("--quiet", "--inaccurate-eof", "--recount", "--allow-empty", "--add")
          .flags("--reject", "--no-stat", "--no-allow-binary-replacement", "--no-binary")
          .flags("--no-numstat", "--no-summary", "--no-check", "--no-index")
          .flags("--no-intent-to-add", "--no-cached", "--no-unsafe-paths", "--no-apply")
          .flags("--no-3way", "--no-build-fake-ancestor", "--no-whitespace")
          .flags("--no-ignore-space-change", "--no-ignore-whitespace", "--no-reverse")
          .flags("--no-unidiff-zero", "--no-reject", "--no-allow-overlap", "--no-verbose")
          .flags("--no-quiet", "--no-inaccurate-eof", "--no-recount", "--no-directory")
          .flags("--no-allow-empty")
          .pathOptions("--build-fake-ancestor", "--directory")
          .deniedOption("--unsafe-paths", WRITES_OUTSIDE)
          .build();
}
