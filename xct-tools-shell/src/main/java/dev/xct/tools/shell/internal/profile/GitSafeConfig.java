package dev.xct.tools.shell.internal.profile;

import java.util.Locale;
import java.util.Set;

/**
 * Lists the repository configuration keys git may read from a repository the model can reach: keys
 * that only describe the repository, name people, colour output or pick among built-in behaviours.
 * Everything else is refused before git runs, because so many keys make git run a program ({@code
 * core.fsmonitor}, {@code filter.*}, {@code diff.*.textconv}, {@code remote.*.uploadpack} with
 * {@code extensions.partialClone}...), read a file ({@code core.excludesFile}, {@code
 * include.path}, {@code blame.ignoreRevsFile}) or move the work tree ({@code core.worktree}) that
 * refusing what is not known to be harmless is the only list that stays true as git grows.
 * Immutable and thread-safe.
 */
public final class GitSafeConfig {
  /** Keys without a subsection, as git prints them (lower case). */
  private static final Set<String> PLAIN =
      Set.of(
          "core.repositoryformatversion",
          "core.filemode",
          "core.bare",
          "core.logallrefupdates",
          "core.ignorecase",
          "core.precomposeunicode",
          "core.symlinks",
          "core.autocrlf",
          "core.eol",
          "core.safecrlf",
          "core.quotepath",
          "core.abbrev",
          "core.compression",
          "core.loosecompression",
          "core.bigfilethreshold",
          "core.whitespace",
          "core.checkstat",
          "core.trustctime",
          "core.ignorestat",
          "core.untrackedcache",
          "core.splitindex",
          "core.commentchar",
          "core.sparsecheckout",
          "core.sparsecheckoutcone",
          "core.preloadindex",
          "core.protecthfs",
          "core.protectntfs",
          "core.warnambiguousrefs",
          "core.multipackindex",
          "core.commitgraph",
          "core.checkroundtripencoding",
          "extensions.objectformat",
          "extensions.worktreeconfig",
          "user.name",
          "user.email",
          "user.useconfigonly",
          "author.name",
          "author.email",
          "committer.name",
          "committer.email",
          "init.defaultbranch",
          "index.version",
          "pull.rebase",
          "pull.ff",
          "push.default",
          "push.autosetupremote",
          "fetch.prune",
          "fetch.prunetags",
          "merge.ff",
          "merge.conflictstyle",
          "rebase.autostash",
          "diff.renames",
          "diff.algorithm",
          "diff.context",
          "diff.interhunkcontext",
          "diff.mnemonicprefix",
          "diff.noprefix",
          "diff.indentheuristic",
          "diff.statgraphwidth",
          "log.date",
          "log.decorate",
          "log.abbrevcommit",
          "log.follow",
          "status.showuntrackedfiles",
          "status.short",
          "status.branch",
          "i18n.commitencoding",
          "i18n.logoutputencoding");

  /** Keys of one subsection each ({@code remote.<name>.url}): section, then key. */
  private static final Set<String> PER_SUBSECTION =
      Set.of(
          "remote.url",
          "remote.pushurl",
          "remote.fetch",
          "remote.push",
          "remote.tagopt",
          "remote.prune",
          "remote.prunetags",
          "remote.mirror",
          "branch.remote",
          "branch.merge",
          "branch.rebase",
          "branch.pushremote",
          "branch.description",
          "submodule.url",
          "submodule.active",
          "submodule.branch");

  /** Sections whose every key only changes how output looks. */
  private static final Set<String> WHOLE_SECTIONS = Set.of("color", "advice");

  private GitSafeConfig() {}

  /** Returns whether git may read {@code key} (as {@code git config --list} prints it). */
  public static boolean allows(String key) {
    int first = key.indexOf('.');
    int last = key.lastIndexOf('.');
    if (first <= 0 || last == key.length() - 1) {
      return false;
    }
    String section = key.substring(0, first).toLowerCase(Locale.ROOT);
    if (WHOLE_SECTIONS.contains(section)) {
      return true;
    }
    String name = key.substring(last + 1).toLowerCase(Locale.ROOT);
    if (first == last) {
      return PLAIN.contains(section + "." + name);
    }
    return PER_SUBSECTION.contains(section + "." + name);
  }
}
