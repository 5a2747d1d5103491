package dev.xct.tools.shell.internal.check;

import dev.xct.tools.shell.Program;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Knows the programs that run other programs, so that the builder can refuse them.
 *
 * <p>Three kinds: launchers whose inner command is an argv the policy can check ({@code env},
 * {@code timeout}, {@code nice}...), allowed only when declared with {@code Program.launcher(n)};
 * programs whose "inner command" is code or comes from elsewhere (shells, interpreters, {@code
 * xargs} whose arguments arrive on stdin), refused outright; and launchers that change who, where
 * or under what the inner command runs ({@code sudo}, {@code chroot}, {@code unshare}, {@code
 * strace}...), refused outright too. Names are compared after dropping a version suffix ({@code
 * python3.11} is {@code python}), both as configured and as the file they resolve to ({@code awk}
 * resolving to {@code mawk}). The lists cannot be complete: a rule for any program is the
 * integrator's statement that it is safe. Stateless and thread-safe.
 */
public final class Launchers {
  private static final Set<String> CHECKABLE =
      Set.of(
          "env",
          "timeout",
          "nice",
          "nohup",
          "setsid",
          "busybox",
          "toybox",
          "stdbuf",
          "ionice",
          "taskset",
          "chrt",
          "flock",
          "prlimit",
          "numactl",
          "time",
          "catchsegv",
          "linux32",
          "linux64",
          "setarch");

  /**
   * Launchers that run the inner command as another user, in other namespaces, under another root
   * or under a tracer: the inner command's paths and the sandbox's view would no longer mean what
   * the checks assumed.
   */
  private static final Set<String> ENVIRONMENT_CHANGING =
      Set.of(
          "sudo",
          "doas",
          "pkexec",
          "chroot",
          "unshare",
          "nsenter",
          "setpriv",
          "fakeroot",
          "proot",
          "firejail",
          "bwrap",
          "nsjail",
          "systemd-run",
          "cgexec",
          "strace",
          "ltrace",
          "valgrind",
          "perf",
          "torsocks",
          "proxychains",
          "xvfb-run",
          "dbus-launch",
          "start-stop-daemon",
          "daemonize");

  private static final Set<String> UNCHECKABLE =
      Set.of(
          "sh",
          "bash",
          "dash",
          "zsh",
          "ksh",
          "mksh",
          "pdksh",
          "csh",
          "tcsh",
          "fish",
          "ash",
          "rbash",
          "yash",
          "elvish",
          "nu",
          "xonsh",
          "pwsh",
          "python",
          "pypy",
          "perl",
          "ruby",
          "irb",
          "node",
          "nodejs",
          "deno",
          "bun",
          "php",
          "lua",
          "luajit",
          "tclsh",
          "wish",
          "expect",
          "awk",
          "gawk",
          "mawk",
          "nawk",
          "jshell",
          "jrunscript",
          "groovy",
          "scala",
          "kotlin",
          "rscript",
          "r",
          "julia",
          "guile",
          "racket",
          "sbcl",
          "clisp",
          "ocaml",
          "ghci",
          "runghc",
          "osascript",
          "xargs",
          "parallel",
          "make",
          "gmake",
          "ed",
          "ex",
          "vi",
          "vim",
          "nvim",
          "view",
          "emacs",
          "less",
          "more",
          "most",
          "man",
          "pg",
          "script",
          "watch",
          "at",
          "batch",
          "gdb",
          "lldb",
          "su",
          "runuser",
          "sg",
          "newgrp",
          "ssh");

  private Launchers() {}

  /** Returns why {@code name} can never be allowed, or empty. */
  public static Optional<String> uncheckable(String name) {
    String base = base(name);
    if (UNCHECKABLE.contains(base)) {
      return Optional.of(
          "runs code or commands that cannot be checked as an argv (a shell, an interpreter,"
              + " xargs, an editor or pager with shell escapes)");
    }
    if (ENVIRONMENT_CHANGING.contains(base)) {
      return Optional.of(
          "runs its command as another user, in other namespaces, under another root or under a"
              + " tracer, where the checks of the command's paths no longer hold");
    }
    return Optional.empty();
  }

  /**
   * Returns why a program called {@code name} (as configured, or the file it resolves to) may not
   * run under {@code rule}: it can never be allowed, or it is a launcher the rule does not declare
   * as one. Empty when it may.
   */
  public static Optional<String> problem(Program rule, String name) {
    Optional<String> never = uncheckable(name);
    if (never.isPresent()) {
      return Optional.of("cannot be allowed: it " + never.get());
    }
    if (isLauncher(name) && !rule.isLauncher()) {
      return Optional.of(
          "runs other programs: declare it with Program.builder(\""
              + rule.name()
              + "\").launcher(n) so that its inner command is checked against the allowlist,"
              + " or leave it out");
    }
    return Optional.empty();
  }

  /** Returns whether {@code name} runs another program named on its command line. */
  public static boolean isLauncher(String name) {
    return CHECKABLE.contains(base(name));
  }

  /** Drops a version suffix: {@code python3.11} to {@code python}, {@code perl5.36} to perl. */
  public static String base(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int end = lower.length();
    while (end > 0 && "0123456789.-_".indexOf(lower.charAt(end - 1)) >= 0) {
      end--;
    }
    String stripped = end == 0 ? lower : lower.substring(0, end);
    return CHECKABLE.contains(lower)
            || UNCHECKABLE.contains(lower)
            || ENVIRONMENT_CHANGING.contains(lower)
        ? lower
        : stripped;
  }
}
