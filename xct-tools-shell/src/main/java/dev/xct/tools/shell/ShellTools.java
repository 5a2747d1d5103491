package dev.xct.tools.shell;

import dev.xct.core.Toolkit;
import dev.xct.core.XctException;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Validator;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import dev.xct.tools.shell.internal.ShellAllowlistValidator;
import dev.xct.tools.shell.internal.ShellExecTool;
import dev.xct.tools.shell.internal.ShellSetup;
import dev.xct.tools.shell.internal.ShellSpec;
import dev.xct.tools.shell.internal.check.CommandPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs allowlisted programs for the model without handing it a shell: the {@code shell.exec} tool
 * takes an argv list (never a command string for a shell), checks the program, every argument and
 * every path against the configured rules, and runs the program directly with a scrubbed
 * environment, a working directory inside the root, bounded output and a timeout that kills the
 * whole process tree.
 *
 * <p>Every command runs inside the OS {@link Sandbox} by default (bubblewrap): the checks are the
 * first layer and a usability aid, the sandbox is the boundary. The {@link #toolkit()} holds the
 * tool and the {@code shell-allowlist} validator, which enforce the same checks with the same code:
 * the validator refuses a bad proposal before anything runs, and the tool refuses it again if it is
 * ever called without the validator. The tool is marked read-only when every allowed program is
 * declared {@link Program#readOnly() read-only}, destructive otherwise.
 *
 * <pre>{@code
 * ShellTools shell = ShellTools.builder()
 *     .root(Path.of("/srv/workspace"))
 *     .allow(Presets.ls(), Presets.cat(), Presets.grep(), Presets.git())
 *     .build();
 * ExecutionLoop loop = ExecutionLoop.builder(model, registry)
 *     .toolkit(shell.toolkit())    // shell.exec, and shell-allowlist after the schema check
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ShellTools {
  /** The tool's default name. */
  public static final String DEFAULT_TOOL_NAME = "shell.exec";

  /** The timeout of a command when the model gives none, unless configured otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The most the model may ask for, unless configured otherwise. */
  public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofMinutes(2);

  private final Toolkit toolkit;

  private ShellTools(ShellExecTool tool, Validator validator) {
    this.toolkit = Toolkit.of(List.of(tool), List.of(validator));
  }

  /** Returns a builder with the defaults described on each of its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the {@code shell.exec} tool with the validator named {@code shell-allowlist} that runs
   * its checks up front: register them with {@link
   * dev.xct.core.loop.ExecutionLoop.Builder#toolkit}.
   */
  public Toolkit toolkit() {
    return toolkit;
  }

  /** Returns the tool's spec. */
  public ToolSpec spec() {
    return toolkit.tools().get(0).spec();
  }

  /** Configures {@link ShellTools}. Not thread-safe; {@link #build()} copies its state. */
  public static final class Builder {
    private String toolName = DEFAULT_TOOL_NAME;
    private PathConfinement confinement;
    private List<Path> searchPath = List.of(Path.of("/usr/bin"), Path.of("/bin"));
    private final Map<String, Program> programs = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Duration maxTimeout = DEFAULT_MAX_TIMEOUT;
    private int maxOutputBytes = 64 * 1024;
    private int maxStdinBytes = 1024 * 1024;
    private int maxArgv = 256;
    private int maxArgvChars = 128 * 1024;
    private boolean commandString;
    private Sandbox sandbox = Sandbox.bubblewrap();

    private Builder() {}

    /** Sets the tool's name; {@value ShellTools#DEFAULT_TOOL_NAME} by default. */
    public Builder toolName(String name) {
      this.toolName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the one directory that working directories and path arguments must stay inside, with the
     * default rules of {@link PathConfinement} (read-write, default deny globs such as {@code
     * .env}, {@code *.key} and {@code .ssh}).
     *
     * @throws XctException if the directory does not exist
     */
    public Builder root(Path root) {
      Objects.requireNonNull(root, "root");
      this.confinement = PathConfinement.builder().root(root, RootAccess.READ_WRITE).build();
      return this;
    }

    /**
     * Sets the roots and their rules, the same {@link PathConfinement} the fs tools use; the first
     * root is the default working directory. Replaces {@link #root(Path)}.
     */
    public Builder confinement(PathConfinement confinement) {
      this.confinement = Objects.requireNonNull(confinement, "confinement");
      return this;
    }

    /**
     * Sets the fixed PATH: the absolute directories where programs are resolved, once, at build
     * time, and which the programs see as {@code PATH}; {@code /usr/bin:/bin} by default. None may
     * lie inside the root.
     */
    public Builder searchPath(Path... directories) {
      this.searchPath = List.of(directories);
      return this;
    }

    /**
     * Adds programs to the allowlist.
     *
     * @throws ShellConfigurationException if a program of the same name was already added
     */
    public Builder allow(Program... rules) {
      for (Program rule : rules) {
        Objects.requireNonNull(rule, "rule");
        if (programs.putIfAbsent(rule.name(), rule) != null) {
          throw new ShellConfigurationException(
              ShellConfigurationException.Setting.PROGRAM,
              rule.name(),
              "program '" + rule.name() + "' is allowed twice");
        }
      }
      return this;
    }

    /** Adds programs to the allowlist; see {@link #allow(Program...)}. */
    public Builder allow(List<Program> rules) {
      return allow(rules.toArray(Program[]::new));
    }

    /** Sets a variable every program sees, on top of {@code PATH LANG HOME TMPDIR}. */
    public Builder environment(String variable, String value) {
      environment.put(Objects.requireNonNull(variable), Objects.requireNonNull(value));
      return this;
    }

    /** Sets the timeout when the model gives none; 30 seconds by default. */
    public Builder defaultTimeout(Duration timeout) {
      this.defaultTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Sets the cap on the model's {@code timeout_ms}; 2 minutes by default. */
    public Builder maxTimeout(Duration timeout) {
      this.maxTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Sets the byte cap of stdout and of stderr, each; 64 KiB by default. */
    public Builder maxOutputBytes(int bytes) {
      this.maxOutputBytes = bytes;
      return this;
    }

    /** Sets the largest stdin the model may send, in UTF-8 bytes; 1 MiB by default. */
    public Builder maxStdinBytes(int bytes) {
      this.maxStdinBytes = bytes;
      return this;
    }

    /**
     * Sets the most argv entries (launchers' inner commands included) and characters in one
     * command; 256 and 128 Ki by default.
     */
    public Builder maxArgv(int entries, int characters) {
      this.maxArgv = entries;
      this.maxArgvChars = characters;
      return this;
    }

    /**
     * Lets the model send {@code command}, a string split on spaces by a tokenizer that refuses
     * every shell metacharacter, instead of {@code argv}; off by default.
     */
    public Builder commandString(boolean allowed) {
      this.commandString = allowed;
      return this;
    }

    /**
     * Sets the OS boundary; {@link Sandbox#bubblewrap()} by default. {@link Sandbox#unconfined()}
     * turns it off, for trusted models only.
     */
    public Builder sandbox(Sandbox sandbox) {
      this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
      return this;
    }

    /**
     * Resolves every program on the fixed PATH and returns the immutable tools.
     *
     * @throws ShellConfigurationException naming the setting to change, if there is no root, a PATH
     *     entry is relative or inside the root, no program is allowed, a program is not found, a
     *     launcher is not declared as one, a shell, an interpreter or a launcher that changes user,
     *     root or namespaces is allowed, a program XCT has no profile of lists no options and is
     *     not unvetted, the sandbox is on and bwrap is missing or cannot start, or a limit is out
     *     of range
     */
    public ShellTools build() {
      if (confinement == null) {
        throw new ShellConfigurationException(
            ShellConfigurationException.Setting.ROOT, "", "the shell tools need a root");
      }
      CommandPolicy policy =
          ShellSetup.policy(
              new ShellSetup.Settings(
                  toolName,
                  confinement,
                  searchPath,
                  new ArrayList<>(programs.values()),
                  environment,
                  defaultTimeout,
                  maxTimeout,
                  maxOutputBytes,
                  maxStdinBytes,
                  maxArgv,
                  maxArgvChars,
                  commandString,
                  sandbox));
      ToolSpec spec = ShellSpec.of(policy.config());
      return new ShellTools(
          new ShellExecTool(spec, policy), new ShellAllowlistValidator(toolName, policy));
    }
  }
}
