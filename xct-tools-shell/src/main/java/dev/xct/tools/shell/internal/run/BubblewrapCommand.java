package dev.xct.tools.shell.internal.run;

import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import dev.xct.tools.shell.internal.config.ShellConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code bwrap} command line that runs a prepared command in the OS sandbox.
 *
 * <p>The sandbox sees the system directories ({@code /usr}, {@code /bin}, {@code /lib*}, {@code
 * /sbin}), a few files of {@code /etc} that programs need to start and to print user names, the
 * integrator's PATH directories and extra paths, all read-only; a fresh {@code /proc} of its own
 * PID namespace (the JVM and every other host process are invisible), a minimal {@code /dev} and an
 * empty private {@code /tmp}, which is also the command's home; and the roots, read-write or
 * read-only as configured, mounted outermost first so that a root nested in another keeps its own
 * access. Everything else of the host, {@code /home}, {@code /root} and the rest of {@code /etc}
 * included, does not exist inside. All namespaces are unshared (no network unless allowed: only a
 * loopback of its own), every capability is dropped (this matters when the JVM runs as root, where
 * bwrap would otherwise keep them), the sandbox gets its own session (no {@code TIOCSTI} into a
 * terminal) and dies with its parent.
 *
 * <p>Everything but the working directory and the command is the same for every command of one
 * configuration, so it is built once. Immutable and thread-safe.
 */
public final class BubblewrapCommand {
  /** Where the command's home and temporary directory are, inside the sandbox. */
  public static final String HOME = "/tmp";

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

  private static final List<String> NETWORK_ETC =
      List.of(
          "/etc/resolv.conf",
          "/etc/hosts",
          "/etc/host.conf",
          "/etc/gai.conf",
          "/etc/services",
          "/etc/protocols",
          "/etc/ssl",
          "/etc/ca-certificates");

  private final List<String> base;
  private final List<String> withRoots;

  /** Builds the fixed part of the command line for {@code config}, which must have a sandbox. */
  public BubblewrapCommand(ShellConfig config) {
    ShellConfig.BubblewrapSettings settings = config.sandbox().orElseThrow();
    this.base = base(settings, config.searchPath());
    List<String> args = new ArrayList<>(base);
    roots(args, config.confinement());
    this.withRoots = List.copyOf(args);
  }

  /** Returns the full command line: {@code bwrap}, its options, {@code --}, then the command. */
  public List<String> wrap(List<String> command, Path directory) {
    List<String> args = new ArrayList<>(withRoots.size() + command.size() + 3);
    args.addAll(withRoots);
    args.add("--chdir");
    args.add(directory.toString());
    args.add("--");
    args.addAll(command);
    return args;
  }

  /** Returns a command line that starts the sandbox without any root and runs {@code command}. */
  List<String> bare(List<String> command) {
    List<String> args = new ArrayList<>(base);
    mountReadOnly(args, Path.of(command.get(0)));
    args.add("--");
    args.addAll(command);
    return args;
  }

  private static List<String> base(ShellConfig.BubblewrapSettings settings, List<Path> searchPath) {
    List<String> args = new ArrayList<>();
    args.add(settings.bwrap().toString());
    args.addAll(
        List.of(
            "--die-with-parent",
            "--new-session",
            "--unshare-all",
            // The command is the namespace's pid 1: when it exits, the kernel kills everything
            // else in the namespace before the outer bwrap sees the exit. With bwrap's own init
            // the outer process returns as soon as the command exits, and whatever the command
            // left in the background dies only a moment later.
            "--as-pid-1",
            "--cap-drop",
            "ALL",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--tmpfs",
            HOME));
    if (settings.network()) {
      args.add("--share-net");
    }
    for (String system : SYSTEM) {
      mountSystem(args, Path.of(system));
    }
    List<String> etc = new ArrayList<>(ETC);
    if (settings.network()) {
      etc.addAll(NETWORK_ETC);
    }
    for (String file : etc) {
      args.addAll(List.of("--ro-bind-try", file, file));
    }
    List<Path> readOnly = new ArrayList<>(searchPath);
    readOnly.addAll(settings.readOnly());
    readOnly.forEach(path -> mountReadOnly(args, path));
    return List.copyOf(args);
  }

  private static void mountReadOnly(List<String> args, Path path) {
    if (SYSTEM.stream().noneMatch(path::startsWith)) {
      args.addAll(List.of("--ro-bind-try", path.toString(), path.toString()));
    }
  }

  /**
   * Mounts every root with its access, outermost first: a later mount shadows an earlier one below
   * it, so a read-only root inside a read-write one stays read-only, and the other way round, as
   * the file tools' most specific root decides.
   */
  private static void roots(List<String> args, PathConfinement confinement) {
    List<Path> roots = new ArrayList<>(confinement.roots());
    roots.sort(Comparator.comparingInt(Path::getNameCount));
    for (Path root : roots) {
      boolean writable =
          confinement.access(root).orElse(RootAccess.READ_ONLY) == RootAccess.READ_WRITE;
      args.addAll(List.of(writable ? "--bind" : "--ro-bind", root.toString(), root.toString()));
    }
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
