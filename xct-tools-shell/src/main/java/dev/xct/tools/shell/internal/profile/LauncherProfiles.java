package dev.xct.tools.shell.internal.profile;

import dev.xct.tools.shell.Program;
import java.util.List;

/**
 * Profiles of the launchers a rule may declare with {@code launcher(n)}: {@code env}, {@code
 * timeout}, {@code nice}, {@code nohup}, {@code stdbuf} (coreutils 9.1) and {@code flock}
 * (util-linux 2.38). The rule still says how many operands precede the inner command. Stateless and
 * thread-safe.
 */
final class LauncherProfiles {
  private static final String SHELL_COMMAND = "runs a command string through a shell";

  private LauncherProfiles() {}

  static List<Profile> all() {
    return List.of(env(), timeout(), nice(), nohup(), stdbuf(), flock());
  }

  private static Profile env() {
    return Profile.of(
        Program.builder("env")
            .flags("-i", "--ignore-environment", "-0", "--null", "--list-signal-handling", "-v")
            .flags("--debug", "--help", "--version")
            .valueOptions("-u", "--unset")
            .pathOptions("-C", "--chdir")
            .optionalValueOptions("--default-signal", "--ignore-signal", "--block-signal")
            .deniedOption("-S", "splits a string into a command line, out of reach of the checks")
            .deniedOption("--split-string", "splits a string into a command line")
            .build());
  }

  private static Profile timeout() {
    return Profile.of(
        Program.builder("timeout")
            .valueOptions("-k", "--kill-after", "-s", "--signal")
            .flags("-v", "--verbose", "--foreground", "--preserve-status", "--help", "--version")
            .build());
  }

  private static Profile nice() {
    return Profile.of(
        Program.builder("nice")
            .valueOptions("-n", "--adjustment")
            .flags("--help", "--version")
            .build());
  }

  private static Profile nohup() {
    return Profile.of(Program.builder("nohup").flags("--help", "--version").build());
  }

  private static Profile stdbuf() {
    return Profile.of(
        Program.builder("stdbuf")
            .valueOptions("-i", "--input", "-o", "--output", "-e", "--error")
            .flags("--help", "--version")
            .build());
  }

  private static Profile flock() {
    return Profile.of(
        Program.builder("flock")
            .flags("-s", "--shared", "-x", "-e", "--exclusive", "-u", "--unlock", "-n")
            .flags("--nonblocking", "--nb", "-o", "--close", "-F", "--no-fork", "--verbose")
            .flags("-h", "--help", "-V", "--version")
            .valueOptions("-w", "--timeout", "--wait", "-E", "--conflict-exit-code")
            .deniedOption("-c", SHELL_COMMAND)
            .deniedOption("--command", SHELL_COMMAND)
            .build());
  }
}
