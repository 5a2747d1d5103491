package dev.xct.benchmarks;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.Sandbox;
import dev.xct.tools.shell.ShellTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds what the shell benchmarks compare: {@code shell.exec} of {@code true}, in the sandbox and
 * unconfined, and the raw starts each is measured against: {@code bwrap} with the same command line
 * the tool builds (same namespaces, mounts and working directory), and a plain {@code
 * ProcessBuilder}. Every raw start drains the output on the calling thread and waits.
 */
final class ShellFixtures {
  static final Path TRUE =
      Files.exists(Path.of("/usr/bin/true")) ? Path.of("/usr/bin/true") : Path.of("/bin/true");
  static final Path BWRAP = Path.of("/usr/bin/bwrap");
  static final Path SETSID =
      Files.exists(Path.of("/usr/bin/setsid"))
          ? Path.of("/usr/bin/setsid")
          : Path.of("/bin/setsid");
  static final ToolCall CALL =
      new ToolCall("shell.exec", JsonValue.from(Map.of("argv", List.of("true"))), "t");

  private ShellFixtures() {}

  /** Returns {@code shell.exec} allowing {@code true} under {@code sandbox}, with {@code root}. */
  static Tool shell(Path root, Sandbox sandbox) {
    return ShellTools.builder()
        .root(root)
        .searchPath(Path.of("/usr/bin"), Path.of("/bin"))
        .allow(Program.builder("true").noOptions().build())
        .sandbox(sandbox)
        .build()
        .toolkit()
        .tools()
        .get(0);
  }

  /**
   * Returns the {@code bwrap} command line {@code shell.exec} builds for {@code true} in {@code
   * root} (see {@code BubblewrapCommand} in xct-tools-shell; kept in step by hand).
   */
  static List<String> bwrapTrue(Path root) {
    List<String> args =
        new ArrayList<>(
            List.of(
                BWRAP.toString(),
                "--die-with-parent",
                "--new-session",
                "--unshare-all",
                "--cap-drop",
                "ALL",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--tmpfs",
                "/tmp"));
    for (String system : List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")) {
      Path path = Path.of(system);
      try {
        if (Files.isSymbolicLink(path)) {
          args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), system));
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          args.addAll(List.of("--ro-bind", system, system));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String etc :
        List.of(
            "/etc/alternatives",
            "/etc/ld.so.cache",
            "/etc/ld.so.conf",
            "/etc/ld.so.conf.d",
            "/etc/localtime",
            "/etc/passwd",
            "/etc/group",
            "/etc/nsswitch.conf")) {
      args.addAll(List.of("--ro-bind-try", etc, etc));
    }
    args.addAll(List.of("--bind", root.toString(), root.toString()));
    args.addAll(List.of("--chdir", root.toString(), "--", TRUE.toString()));
    return args;
  }

  /** Starts {@code builder}, drains its merged output on this thread and waits. */
  static int run(ProcessBuilder builder) {
    try {
      Process process = builder.redirectErrorStream(true).start();
      try (InputStream out = process.getInputStream()) {
        out.readAllBytes();
      }
      return process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
