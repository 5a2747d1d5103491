package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.Options;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ProgramBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profile of {@code git} (2.39): the options of every subcommand XCT knows, and git hardened so
 * that no program named by a repository or by the environment runs, whoever wrote the rule.
 *
 * <p>Command-line {@code -c} settings beat every configuration file key by key, so they switch off
 * what runs programs (fsmonitor, hooks, pager, editors, ssh, askpass, credential helpers, gpg,
 * automatic gc and maintenance), refuse every transport for every protocol (also a per-protocol
 * {@code protocol.<name>.allow} in the repository: {@code GIT_ALLOW_PROTOCOL} set empty overrides
 * all of them), refuse bare repositories git would find by itself ({@code
 * safe.bareRepository=explicit}) and leave submodules alone. The environment drops system and
 * global configuration, optional index writes, prompts and lazy fetches of missing objects, makes
 * git refuse abbreviated options, and stops repository discovery at the parents of the roots.
 * {@code --no-ext-diff --no-textconv} are passed where git would otherwise run drivers on its own.
 * Before git runs, the repository it would use is inspected (see {@code GitRepositoryCheck}).
 * Option values that git opens relative to the top of the work tree are checked from every
 * directory between the working one and its root. Stateless and thread-safe.
 */
final class GitProfile {
  private static final List<String> HARDENING =
      List.of(
          "core.fsmonitor=false",
          "core.hooksPath=/dev/null",
          "core.pager=cat",
          "core.editor=false",
          "sequence.editor=false",
          "core.sshCommand=false",
          "core.askPass=false",
          "credential.helper=",
          "protocol.allow=never",
          "protocol.file.allow=never",
          "protocol.git.allow=never",
          "protocol.ssh.allow=never",
          "protocol.http.allow=never",
          "protocol.https.allow=never",
          "protocol.ext.allow=never",
          "safe.bareRepository=explicit",
          "log.showSignature=false",
          "gpg.program=false",
          "gpg.openpgp.program=false",
          "gpg.ssh.program=false",
          "gpg.x509.program=false",
          "commit.gpgSign=false",
          "tag.gpgSign=false",
          "diff.ignoreSubmodules=all",
          "submodule.recurse=false",
          "gc.auto=0",
          "maintenance.auto=false");

  private static final List<String> NO_DRIVERS = List.of("--no-ext-diff", "--no-textconv");

  private GitProfile() {}

  static Profile profile() {
    ProgramBuilder git = Program.builder("git").fixedArguments("--no-pager");
    for (String setting : HARDENING) {
      git.fixedArguments("-c", setting);
    }
    git.environment("GIT_CONFIG_NOSYSTEM", "1")
        .environment("GIT_CONFIG_GLOBAL", "/dev/null")
        .environment("GIT_ATTR_NOSYSTEM", "1")
        .environment("GIT_OPTIONAL_LOCKS", "0")
        .environment("GIT_TERMINAL_PROMPT", "0")
        .environment("GIT_PAGER", "cat")
        .environment("PAGER", "cat")
        .environment("GIT_EDITOR", "false")
        .environment("GIT_SEQUENCE_EDITOR", "false")
        .environment("GIT_ASKPASS", "false")
        .environment("GIT_ALLOW_PROTOCOL", "")
        .environment("GIT_NO_LAZY_FETCH", "1")
        .environment("GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS", "1")
        .environment("GIT_CEILING_DIRECTORIES", "${XCT_ROOTS_PARENTS}");
    tables()
        .forEach(
            (subcommand, options) ->
                git.subcommands(subcommand).subcommandOptions(subcommand, options));
    for (String subcommand : List.of("log", "show", "whatchanged", "diff")) {
      git.subcommandArguments(subcommand, NO_DRIVERS.toArray(String[]::new));
    }
    for (String subcommand : List.of("blame", "annotate", "grep")) {
      git.subcommandArguments(subcommand, "--no-textconv");
    }
    return new Profile(git.build(), Profile.Ancestors.OPTION_VALUES, true);
  }

  /** Returns each subcommand's table: its own options over the shared groups it consults. */
  private static Map<String, Options> tables() {
    Options revisions = GitOptionGroups.DIFF.with(GitOptionGroups.REV);
    Options log = revisions.with(GitOptionGroups.LOG);
    Map<String, Options> tables = new LinkedHashMap<>();
    tables.put("status", GitReadingOptions.STATUS);
    tables.put("log", log);
    tables.put("show", log);
    tables.put("whatchanged", log);
    tables.put("diff", revisions.with(GitReadingOptions.DIFF));
    tables.put("blame", revisions.with(GitReadingOptions.BLAME));
    tables.put("annotate", revisions.with(GitReadingOptions.BLAME));
    tables.put("ls-files", GitReadingOptions.LS_FILES);
    tables.put("ls-tree", GitReadingOptions.LS_TREE);
    tables.put("rev-parse", GitReadingOptions.REV_PARSE);
    tables.put("cat-file", GitReadingOptions.CAT_FILE);
    tables.put("shortlog", revisions.with(GitReadingOptions.SHORTLOG));
    tables.put("describe", GitReadingOptions.DESCRIBE);
    tables.put("grep", GitReadingOptions.GREP);
    tables.put("show-ref", GitReadingOptions.SHOW_REF);
    tables.put("rev-list", revisions.with(GitReadingOptions.REV_LIST));
    tables.put("add", GitWritingOptions.ADD);
    tables.put("commit", GitWritingOptions.COMMIT);
    tables.put("checkout", GitWritingOptions.CHECKOUT);
    tables.put("switch", GitWritingOptions.SWITCH);
    tables.put("restore", GitWritingOptions.RESTORE);
    tables.put("reset", GitWritingOptions.RESET);
    tables.put("branch", GitWritingOptions.BRANCH);
    tables.put("tag", GitWritingOptions.TAG);
    tables.put("rm", GitWritingOptions.RM);
    tables.put("mv", GitWritingOptions.MV);
    tables.put("init", GitWritingOptions.INIT);
    tables.put("apply", GitWritingOptions.APPLY);
    return tables;
  }
}
