package dev.xct.policy;

import dev.xct.core.XctException;
import dev.xct.policy.internal.LocatedTree;
import dev.xct.policy.internal.PolicyReader;
import dev.xct.policy.internal.ToolRefusals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a valid policy file together with the warnings {@code xct policy check} prints about it
 * (settings that are allowed but weaken a boundary: an unconfined sandbox, the host's network,
 * programs whose unlisted options are let through; a warning never makes a file invalid), and
 * builds the tools it describes with every refusal located in the file ({@link #tools}).
 *
 * <p>Immutable and thread-safe, with value equality on the policy and the warnings.
 */
public final class CheckedPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(CheckedPolicy.class);

  private final PolicyFile policy;
  private final List<PolicyProblem> warnings;
  private final String name;
  private final LocatedTree.Located located;

  private CheckedPolicy(PolicyReader.Read read, String name) {
    this.policy = read.policy();
    this.warnings = read.warnings();
    this.name = name;
    this.located = read.located();
  }

  /**
   * Reads and checks the policy file at {@code file}: JSON when its name ends in {@code .json},
   * YAML otherwise.
   *
   * @throws PolicyFileException listing every problem, each with its line and column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CheckedPolicy load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy file " + file, e);
    }
    String name = file.toString();
    CheckedPolicy checked = parse(text, name, name.toLowerCase(Locale.ROOT).endsWith(".json"));
    LOG.debug(
        "loaded policy file {}: {} rules, {} warnings",
        name,
        checked.policy().policy().rules().size(),
        checked.warnings().size());
    return checked;
  }

  /**
   * Reads and checks policy text; {@code name} is used in the problems' messages.
   *
   * @throws PolicyFileException listing every problem, each with its line and column
   */
  public static CheckedPolicy parse(String text, String name, boolean json) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    return new CheckedPolicy(PolicyReader.read(text, name, json), name);
  }

  /** Returns the policy file. */
  public PolicyFile policy() {
    return policy;
  }

  /** Returns the warnings, located like problems, in the order of the file. */
  public List<PolicyProblem> warnings() {
    return warnings;
  }

  /**
   * Builds the file's tools under {@code workspace} as {@link PolicyTools#of(PolicyFile, Path)}
   * does, which is how {@code xct run}, {@code xct replay} and {@code xct policy check} build them.
   *
   * @throws PolicyFileException with the refusal as one problem at the field to change, caused by
   *     the tools' exception: {@code roots[i].path} for a root that is not a directory (caused by a
   *     {@link MissingRootException}) or that the shell tool refuses, {@code shell.programs[i]} for
   *     a program not found on the PATH or refused once resolved, {@code shell.sandbox} for
   *     bubblewrap missing or unable to start
   */
  public PolicyTools tools(Path workspace) {
    return tools(workspace, List.of());
  }

  /**
   * Builds the tools as {@link #tools(Path)} does, with programs resolved on {@code searchPath}
   * when it is not empty (see {@link PolicyTools#of(PolicyFile, Path, List)}).
   *
   * @throws PolicyFileException with the refusal, located, as {@link #tools(Path)} says
   */
  public PolicyTools tools(Path workspace, List<Path> searchPath) {
    try {
      return PolicyTools.of(policy, workspace, searchPath);
    } catch (XctException e) {
      String pointer = ToolRefusals.pointer(policy, workspace, e);
      throw new PolicyFileException(name, List.of(located.problem(pointer, e.getMessage())), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CheckedPolicy that
        && policy.equals(that.policy)
        && warnings.equals(that.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(policy, warnings);
  }

  @Override
  public String toString() {
    return "CheckedPolicy[policy=" + policy + ", warnings=" + warnings + "]";
  }
}
