package dev.xct.tools.shell.internal.run;

import dev.xct.tools.shell.ShellConfigurationException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Proves, once per {@code bwrap} and mount layout, that the sandbox can start here (the binary
 * runs, the kernel lets it create its namespaces), so that tools that would fail every command
 * instead fail to build, with a message that says what to do. Successes are remembered for the life
 * of the JVM. Thread-safe.
 */
public final class BubblewrapProbe {
  private static final long TIMEOUT_SECONDS = 10;
  private static final Set<List<String>> WORKING = ConcurrentHashMap.newKeySet();

  private BubblewrapProbe() {}

  /**
   * Starts {@code bwrap --version} inside the sandbox {@code command} describes.
   *
   * @throws ShellConfigurationException for the sandbox if it does not run and exit 0, quoting
   *     bwrap's error
   */
  public static void requireWorking(BubblewrapCommand command, Path bwrap) {
    List<String> argv = command.bare(List.of(bwrap.toString(), "--version"));
    if (WORKING.contains(argv)) {
      return;
    }
    String problem = run(argv);
    if (problem != null) {
      throw new ShellConfigurationException(
          ShellConfigurationException.Setting.SANDBOX,
          "",
          "the bubblewrap sandbox cannot start ("
              + problem
              + "). Install bubblewrap (Debian and Ubuntu: apt-get install bubblewrap) and let"
              + " unprivileged users create namespaces (sysctl kernel.unprivileged_userns_clone=1"
              + " and user.max_user_namespaces > 0; some container runtimes need"
              + " --security-opt seccomp=unconfined), or, for a trusted model only, opt out with"
              + " Sandbox.unconfined() (policy file: shell.sandbox: unconfined)");
    }
    WORKING.add(argv);
  }

  /** Returns null when the sandbox ran, else what went wrong. */
  private static String run(List<String> argv) {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Process process = builder.start();
      // Its few lines fit the pipe, so waiting first cannot block it; reading first could hang.
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "bwrap did not exit within " + TIMEOUT_SECONDS + " s";
      }
      byte[] output;
      try (InputStream in = process.getInputStream()) {
        output = in.readNBytes(4096);
      }
      String text = new String(output, StandardCharsets.UTF_8).strip();
      return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + text;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while starting bwrap";
    }
  }
}
