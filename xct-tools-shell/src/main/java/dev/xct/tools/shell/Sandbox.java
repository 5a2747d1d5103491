package dev.xct.tools.shell;

import dev.xct.core.XctException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the OS boundary commands run inside. The default, {@link #bubblewrap()}, runs every
 * command under {@code bwrap} (Debian package {@code bubblewrap}): only the roots are mounted
 * (read-only or read-write as configured), with the system directories read-only, a private {@code
 * /tmp} and home, no network, a PID namespace of its own (nothing outlives the step and nothing of
 * the JVM is visible in {@code /proc}), every capability dropped, and it dies with the JVM. {@code
 * ShellTools} fails to build, rather than run unconfined, when bubblewrap is missing or cannot
 * start. {@link #unconfined()} turns the boundary off, for trusted models only. {@code
 * docs/security.md} states what each layer stops.
 *
 * <p>Immutable and thread-safe.
 */
public final class Sandbox {
  private static final Sandbox UNCONFINED = new Sandbox(false, null, List.of(), false);
  private static final Sandbox BUBBLEWRAP = new Sandbox(true, null, List.of(), false);

  private final boolean enabled;
  private final Path executable;
  private final List<Path> readOnlyPaths;
  private final boolean network;

  private Sandbox(boolean enabled, Path executable, List<Path> readOnlyPaths, boolean network) {
    this.enabled = enabled;
    this.executable = executable;
    this.readOnlyPaths = List.copyOf(readOnlyPaths);
    this.network = network;
  }

  /**
   * Returns the default: a bubblewrap sandbox using the {@code bwrap} found on the integrator's
   * fixed PATH, without network.
   */
  public static Sandbox bubblewrap() {
    return BUBBLEWRAP;
  }

  /**
   * Returns a bubblewrap sandbox using the {@code bwrap} at {@code executable}.
   *
   * @throws XctException if the path is not absolute
   */
  public static Sandbox bubblewrap(Path executable) {
    return new Sandbox(true, absolute(executable), List.of(), false);
  }

  /**
   * Returns no OS boundary at all: commands run as the JVM's user, with the JVM's view of the file
   * system and network, contained only by the argument checks, the scrubbed environment and the
   * process-tree kill. An allowed program with a feature the checks do not know then runs code of
   * the model's choosing on the host. For trusted models only.
   */
  public static Sandbox unconfined() {
    return UNCONFINED;
  }

  /**
   * Returns a copy that also mounts {@code paths} read-only at the same place (for programs whose
   * files live outside the system directories and the PATH).
   *
   * @throws XctException if the sandbox is unconfined or a path is not absolute
   */
  public Sandbox withReadOnly(Path... paths) {
    requireEnabled("read-only paths");
    List<Path> all = new ArrayList<>(readOnlyPaths);
    for (Path path : paths) {
      all.add(absolute(path));
    }
    return new Sandbox(true, executable, all, network);
  }

  /**
   * Returns a copy that shares the host's network (and mounts the resolver and certificate files it
   * needs), for programs that must reach a server. Off by default.
   *
   * @throws XctException if the sandbox is unconfined (which never restricts the network)
   */
  public Sandbox withNetwork() {
    requireEnabled("network access");
    return new Sandbox(true, executable, readOnlyPaths, true);
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

  /** Returns whether commands may use the host's network. */
  public boolean network() {
    return network;
  }

  private void requireEnabled(String what) {
    if (!enabled) {
      throw new XctException(what + " need a bubblewrap sandbox; this one is unconfined");
    }
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
    return enabled
        ? "Sandbox[bubblewrap" + (network ? ", network" : "") + "]"
        : "Sandbox[unconfined]";
  }
}
