package dev.xct.tools.shell.internal.config;

import dev.xct.tools.fs.PathConfinement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds everything {@code ShellTools} was configured with, validated and resolved.
 *
 * @param toolName the tool's name, {@code shell.exec} by default
 * @param confinement the root confinement of {@code xct-tools-fs}; its first root is the default
 *     working directory
 * @param programs the allowlist by bare name, in configuration order
 * @param searchPath the fixed PATH, absolute directories
 * @param environment the integrator's extra variables for every program
 * @param defaultTimeout the timeout when the model gives none
 * @param maxTimeout the cap on the model's {@code timeout_ms}
 * @param maxOutputBytes the byte cap of stdout and of stderr, each
 * @param maxStdinBytes the largest stdin, in UTF-8 bytes
 * @param maxArgv the most argv entries in one command, launchers included
 * @param maxArgvChars the most characters in all argv entries together
 * @param commandString whether the model may send a command string instead of argv
 * @param sandbox the bubblewrap settings, or empty to run without an OS sandbox
 */
public record ShellConfig(
    String toolName,
    PathConfinement confinement,
    Map<String, ResolvedProgram> programs,
    List<Path> searchPath,
    Map<String, String> environment,
    Duration defaultTimeout,
    Duration maxTimeout,
    int maxOutputBytes,
    int maxStdinBytes,
    int maxArgv,
    int maxArgvChars,
    boolean commandString,
    Optional<BubblewrapSettings> sandbox) {
  /** Copies the collections. */
  public ShellConfig {
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(confinement, "confinement");
    programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    searchPath = List.copyOf(searchPath);
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    Objects.requireNonNull(maxTimeout, "maxTimeout");
    Objects.requireNonNull(sandbox, "sandbox");
  }

  /** Returns the primary root, the default working directory. */
  public Path root() {
    return confinement.roots().get(0);
  }

  /** Returns the PATH value every program sees. */
  public String pathVariable() {
    return String.join(":", searchPath.stream().map(Path::toString).toList());
  }

  /**
   * Holds how commands are wrapped in bubblewrap.
   *
   * @param bwrap the absolute path of {@code bwrap}
   * @param readOnly extra host paths mounted read-only at the same place
   * @param network whether commands share the host's network
   */
  public record BubblewrapSettings(Path bwrap, List<Path> readOnly, boolean network) {
    /** Copies the list. */
    public BubblewrapSettings {
      Objects.requireNonNull(bwrap, "bwrap");
      readOnly = List.copyOf(readOnly);
    }
  }
}
