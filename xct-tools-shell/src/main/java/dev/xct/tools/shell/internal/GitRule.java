package dev.xct.tools.shell.internal;

import dev.xct.tools.shell.Program;

/**
 * Builds the read-only {@code git} preset. Each setting answers one way in which a repository, or
 * the model, could make a read-only git command run a program or touch files outside the root;
 * {@code docs/tools-shell.md} walks through them. Stateless and thread-safe.
 */
public final class GitRule {
  private GitRule() {}

  /** Returns the rule. */
  public static Program rule() {
    String config = "sets configuration; core.pager, core.fsmonitor and other keys run programs";
    String runs = "runs another program";
    return Program.builder("git")
        .readOnly(true)
        .subcommands("status", "log", "show", "diff", "blame", "ls-files", "ls-tree", "rev-parse")
        .subcommands("cat-file", "shortlog", "describe", "grep", "show-ref", "rev-list")
        // Command-line -c beats every configuration file, the repository's own included.
        .fixedArguments("--no-pager")
        .fixedArguments("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null")
        .fixedArguments("-c", "core.pager=cat", "-c", "log.showSignature=false")
        .fixedArguments("-c", "gpg.program=false", "-c", "gpg.ssh.program=false")
        .fixedArguments("-c", "gpg.x509.program=false", "-c", "core.sshCommand=false")
        .fixedArguments("-c", "protocol.allow=never", "-c", "credential.helper=")
        // diff.external, diff.<driver>.command and textconv drivers come from the repository.
        .subcommandArguments("log", "--no-ext-diff", "--no-textconv")
        .subcommandArguments("show", "--no-ext-diff", "--no-textconv")
        .subcommandArguments("diff", "--no-ext-diff", "--no-textconv")
        .subcommandArguments("blame", "--no-textconv")
        .subcommandArguments("grep", "--no-textconv")
        .environment("GIT_CONFIG_NOSYSTEM", "1")
        .environment("GIT_CONFIG_GLOBAL", "/dev/null")
        .environment("GIT_ATTR_NOSYSTEM", "1")
        .environment("GIT_OPTIONAL_LOCKS", "0")
        .environment("GIT_TERMINAL_PROMPT", "0")
        .environment("GIT_PAGER", "cat")
        .environment("GIT_CEILING_DIRECTORIES", "${XCT_ROOT_PARENT}")
        .deniedOption("-c", config)
        .deniedOption("--config-env", config)
        .deniedOption("--exec-path", "changes where git finds the helper programs it runs")
        .deniedOption("--upload-pack", runs)
        .deniedOption("--receive-pack", runs)
        .deniedOption("--output", "writes to a file")
        .deniedOption("--no-index", "compares or searches files outside the repository")
        .deniedOption("--ext-diff", "runs the repository's external diff program")
        .deniedOption("--textconv", "runs the repository's text conversion programs")
        .deniedOption("-O", "runs a pager (grep) or reads an order file (diff)")
        .deniedOption("--open-files-in-pager", runs)
        .deniedOption("--contents", "reads the file to blame from anywhere")
        .deniedOption("--show-signature", "runs gpg")
        .deniedOption("--filters", "runs the repository's filter programs")
        .pathOptions("-f", "--file", "--exclude-from", "-X", "--orderfile", "--ignore-revs-file")
        .valueOptions("-n", "--max-count", "--skip", "--since", "--after", "--until", "--before")
        .valueOptions("--author", "--committer", "--grep", "-S", "-G", "-L", "-e", "-U")
        .valueOptions("--unified", "--diff-filter", "--src-prefix", "--dst-prefix")
        .flags("--text", "--no-textconv", "--no-ext-diff", "--pretty", "--format", "--stat")
        .flags("--color", "--abbrev", "--relative", "--word-diff")
        .build();
  }
}
