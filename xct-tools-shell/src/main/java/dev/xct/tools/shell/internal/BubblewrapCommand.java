package dev.xct.tools.shell.internal;

import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code bwrap} command line that runs a prepared command in the OS sandbox.
 *
 * <p>The sandbox sees the system directories ({@code /usr}, {@code /bin}, {@code /lib*}, {@code
 * /sbin}), a few files of {@code /etc} that programs need to start and to print user names, the
 * integrator's PATH directories and extra paths, all read-only; a fresh {@code /proc}, a minimal
 * {@code /dev} and an empty {@code /tmp}; and, writable, only the read-write roots and the step's
 * private home (read-only roots are mounted read-only). Everything else of the host, {@code /home},
 * {@code /root} and the rest of {@code /etc} included, does not exist inside. All namespaces are
 * unshared (no network: only a loopback of its own; own PID namespace, so killing the sandbox kills
 * everything in it), every capability is dropped (this matters when the JVM runs as root, where
 * bwrap would otherwise keep them), the sandbox gets its own session (no {@code TIOCSTI} into a
 * terminal) and dies with its parent. Stateless and thread-safe.
 */
final class BubblewrapCommand {
  private static final Logger LOG = LoggerFactory.getLogger(BubblewrapCommand.class);

  private static final List<String> SYSTEM =
      List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

  private static final List<String> ETC =
      List.of(
          "/etc/alternatives",
          "/etc/ld.so.cache",
          "/etc/ld.so.conf",
          "/etc/ld.so.conf.d",
          "/etc/localtime",
          "/etc/passwd",
          "/etc/group",
          "/etc/nsswitch.conf");

  private BubblewrapCommand() {}

  /** Returns the full command line: {@code bwrap}, its options, {@code --}, then the command. */
  static List<String> wrap(
      ShellConfig.BubblewrapSettings settings,
      List<String> command,
      List<Path> searchPath,
      PathConfinement roots,
      Path directory,
      Path home) {
    List<String> args = new ArrayList<>();
    args.add(settings.bwrap().toString());
    args.addAll(
        List.of(
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
    for (String system : SYSTEM) {
      mountSystem(args, Path.of(system));
    }
    for (String etc : ETC) {
      args.addAll(List.of("--ro-bind-try", etc, etc));
    }
    List<Path> readOnly = new ArrayList<>(searchPath);
    readOnly.addAll(settings.readOnly());
    for (Path path : readOnly) {
      if (SYSTEM.stream().noneMatch(system -> path.startsWith(system))) {
        args.addAll(List.of("--ro-bind-try", path.toString(), path.toString()));
      }
    }
    args.addAll(List.of("--bind", home.toString(), home.toString()));
    for (Path root : roots.roots()) {
      boolean writable = roots.access(root).orElse(RootAccess.READ_ONLY) == RootAccess.READ_WRITE;
      args.addAll(List.of(writable ? "--bind" : "--ro-bind", root.toString(), root.toString()));
    }
    args.addAll(List.of("--chdir", directory.toString(), "--"));
    args.addAll(command);
    return args;
  }

  /** Mounts a system directory read-only, or recreates it as the symbolic link it is. */
  private static void mountSystem(List<String> args, Path path) {
    if (Files.isSymbolicLink(path)) {
      try {
        args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
      } catch (IOException e) {
        LOG.warn("cannot read symbolic link {}; not mounted in the sandbox", path, e);
      }
    } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
    }
  }
}
