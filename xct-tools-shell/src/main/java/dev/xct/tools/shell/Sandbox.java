package dev.xct.tools.shell;

import dev.xct.core.XctException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses whether commands run inside an OS sandbox. Off by default; {@link #bubblewrap()} runs
 * every command under {@code bwrap} (Debian package {@code bubblewrap}): system directories
 * read-only, only the root (and the step's private home) writable, the rest of the host absent, no
 * network, its own PID namespace (so no process outlives the step, whatever it does), every
 * capability dropped, and the sandbox dies with the JVM. {@code docs/tools-shell.md} states the
 * threat model.
 *
 * <p>Immutable and thread-safe.
 */
public final class Sandbox {
  private static final Sandbox NONE = new Sandbox(false, null, List.of());

  private final boolean enabled;
  private final Path executable;
  private final List<Path> readOnlyPaths;

  private Sandbox(boolean enabled, Path executable, List<Path> readOnlyPaths) {
    this.enabled = enabled;
    this.executable = executable;
    this.readOnlyPaths = List.copyOf(readOnlyPaths);
  }

  /** Returns the default: no OS sandbox, only the checks and the process-tree kill. */
  public static Sandbox none() {
    return NONE;
  }

  /** Returns a bubblewrap sandbox using the {@code bwrap} found on the integrator's fixed PATH. */
  public static Sandbox bubblewrap() {
    return new Sandbox(true, null, List.of());
  }

  /**
   * Returns a bubblewrap sandbox using the {@code bwrap} at {@code executable}.
   *
   * @throws XctException if the path is not absolute
   */
  public static Sandbox bubblewrap(Path executable) {
    return new Sandbox(true, absolute(executable), List.of());
  }

  /**
   * Returns a copy that also mounts {@code paths} read-only at the same place (for programs whose
   * files live outside the system directories and the PATH).
   *
   * @throws XctException if the sandbox is off or a path is not absolute
   */
  public Sandbox withReadOnly(Path... paths) {
    if (!enabled) {
      throw new XctException("read-only paths need a bubblewrap sandbox");
    }
    List<Path> all = new ArrayList<>(readOnlyPaths);
    for (Path path : paths) {
      all.add(absolute(path));
    }
    return new Sandbox(true, executable, all);
  }

  /** Returns whether commands run under bubblewrap. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Returns the explicit {@code bwrap} path, or empty to look it up on the fixed PATH. */
  public Optional<Path> executable() {
    return Optional.ofNullable(executable);
  }

  /** Returns the extra paths mounted read-only. */
  public List<Path> readOnlyPaths() {
    return readOnlyPaths;
  }

  private static Path absolute(Path path) {
    Objects.requireNonNull(path, "path");
    if (!path.isAbsolute()) {
      throw new XctException("sandbox path '" + path + "' must be absolute");
    }
    return path.normalize();
  }

  @Override
  public String toString() {
    return enabled ? "Sandbox[bubblewrap]" : "Sandbox[none]";
  }
}
