package dev.xct.policy;

import dev.xct.core.XctException;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Holds a policy file's {@code shell} section: the programs {@code shell.exec} may run, the OS
 * sandbox they run in and the tool's limits. Commands run under bubblewrap unless the file says
 * {@code sandbox: unconfined}.
 *
 * <p>Immutable and thread-safe, with value equality. Build with {@link #builder()}.
 */
public final class ShellSettings {
  private final List<Program> programs;
  private final boolean sandboxed;
  private final boolean network;
  private final List<Path> readOnlyPaths;
  private final Optional<Duration> timeout;
  private final Optional<Duration> maxTimeout;
  private final OptionalInt maxOutputBytes;

  private ShellSettings(Builder b) {
    this.programs = List.copyOf(b.programs);
    this.sandboxed = b.sandboxed;
    this.network = b.network;
    this.readOnlyPaths = List.copyOf(b.readOnlyPaths);
    this.timeout = b.timeout;
    this.maxTimeout = b.maxTimeout;
    this.maxOutputBytes = b.maxOutputBytes;
  }

  /** Returns a builder of a section without programs, sandboxed, without network. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = builder().programs(programs).network(network).readOnlyPaths(readOnlyPaths);
    b.sandboxed = sandboxed;
    b.timeout = timeout;
    b.maxTimeout = maxTimeout;
    b.maxOutputBytes = maxOutputBytes;
    return b;
  }

  /** Returns the allowlist, in the file's order, presets already narrowed by the file. */
  public List<Program> programs() {
    return programs;
  }

  /** Returns whether commands run under bubblewrap; false for {@code sandbox: unconfined}. */
  public boolean sandboxed() {
    return sandboxed;
  }

  /** Returns whether sandboxed commands share the host's network. */
  public boolean network() {
    return network;
  }

  /** Returns the host paths mounted read-only inside the sandbox, absolute, {@code ~} resolved. */
  public List<Path> readOnlyPaths() {
    return readOnlyPaths;
  }

  /** Returns the sandbox these settings describe, for {@code ShellTools.Builder.sandbox}. */
  public Sandbox sandbox() {
    if (!sandboxed) {
      return Sandbox.unconfined();
    }
    Sandbox sandbox = network ? Sandbox.bubblewrap().withNetwork() : Sandbox.bubblewrap();
    return readOnlyPaths.isEmpty()
        ? sandbox
        : sandbox.withReadOnly(readOnlyPaths.toArray(Path[]::new));
  }

  /** Returns the default timeout of one command, if set. */
  public Optional<Duration> timeout() {
    return timeout;
  }

  /** Returns the most the model may ask for, if set. */
  public Optional<Duration> maxTimeout() {
    return maxTimeout;
  }

  /** Returns the cap on stdout and on stderr, each, if set. */
  public OptionalInt maxOutputBytes() {
    return maxOutputBytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShellSettings that && key().equals(that.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return "ShellSettings" + key();
  }

  private List<Object> key() {
    return List.of(
        programs, sandboxed, network, readOnlyPaths, timeout, maxTimeout, maxOutputBytes);
  }

  /** Configures {@link ShellSettings}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private final List<Program> programs = new ArrayList<>();
    private boolean sandboxed = true;
    private boolean network;
    private final List<Path> readOnlyPaths = new ArrayList<>();
    private Optional<Duration> timeout = Optional.empty();
    private Optional<Duration> maxTimeout = Optional.empty();
    private OptionalInt maxOutputBytes = OptionalInt.empty();

    private Builder() {}

    /** Sets the allowlist, in order, replacing the programs set before. */
    public Builder programs(List<Program> rules) {
      List<Program> copy = List.copyOf(rules);
      programs.clear();
      programs.addAll(copy);
      return this;
    }

    /** Runs commands without the OS sandbox ({@code sandbox: unconfined}). */
    public Builder unconfined() {
      this.sandboxed = false;
      return this;
    }

    /** Sets whether sandboxed commands share the host's network; false by default. */
    public Builder network(boolean network) {
      this.network = network;
      return this;
    }

    /**
     * Sets the absolute host paths mounted read-only inside the sandbox, replacing those before.
     */
    public Builder readOnlyPaths(List<Path> paths) {
      List<Path> copy = List.copyOf(paths);
      readOnlyPaths.clear();
      readOnlyPaths.addAll(copy);
      return this;
    }

    /** Sets the default timeout of one command. */
    public Builder timeout(Duration timeout) {
      this.timeout = Optional.of(timeout);
      return this;
    }

    /** Sets the most the model may ask for. */
    public Builder maxTimeout(Duration timeout) {
      this.maxTimeout = Optional.of(timeout);
      return this;
    }

    /** Sets the cap on stdout and on stderr, each. */
    public Builder maxOutputBytes(int bytes) {
      this.maxOutputBytes = OptionalInt.of(bytes);
      return this;
    }

    /**
     * Returns the immutable settings.
     *
     * @throws XctException if the section is unconfined yet asks for network or read-only paths
     *     (both are settings of the sandbox), or a read-only path is relative
     */
    public ShellSettings build() {
      if (!sandboxed && (network || !readOnlyPaths.isEmpty())) {
        throw new XctException("network and read-only paths are settings of the sandbox");
      }
      for (Path path : readOnlyPaths) {
        if (!path.isAbsolute()) {
          throw new XctException("read-only path '" + path + "' must be absolute");
        }
      }
      return new ShellSettings(this);
    }
  }
}
