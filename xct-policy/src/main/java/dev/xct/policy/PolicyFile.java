package dev.xct.policy;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.PolicyRule;
import dev.xct.policy.internal.Durations;
import dev.xct.policy.internal.PolicySchema;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Holds a policy file, read and checked: the roots the tools may use, which tools the model is
 * offered, the ordered allow/deny/ask rules, when a person is asked, the budgets and the shell
 * allowlist. The format is YAML or JSON, described by {@code docs/schema/policy.schema.json} (also
 * {@link #jsonSchema()}) and {@code docs/cli.md}; {@code docs/policy.md} shows how an application
 * wires a loaded file into an {@code ExecutionLoop}.
 *
 * <p>Loading never half-succeeds: every problem in the file is collected, located by line and
 * column, and reported together in one {@link PolicyFileException}; {@link CheckedPolicy} also
 * carries the warnings. {@link #toBuilder()} changes a loaded file (say, its roots) without
 * touching the rest; {@link #builder()} starts from an empty one.
 *
 * <p>Immutable and thread-safe, with value equality.
 */
public final class PolicyFile {
  private final String description;
  private final List<Root> roots;
  private final List<String> tools;
  private final Policy offered;
  private final Policy policy;
  private final ApprovalMode approval;
  private final Budgets budgets;
  private final Optional<Duration> toolTimeout;
  private final OptionalInt maxReplyChars;
  private final FsSettings fs;
  private final Optional<ShellSettings> shell;

  /** Copies {@code b}; a glob in its tools that is not a tool glob throws {@link XctException}. */
  PolicyFile(PolicyFileBuilder b) {
    this.description = b.description;
    this.roots = List.copyOf(b.roots);
    this.tools = List.copyOf(b.tools);
    // Compiled once here, so that offers() is cheap and a bad glob fails the build, not a run.
    this.offered = Policy.of(tools.stream().map(glob -> PolicyRule.allow(glob)).toList());
    this.policy = b.policy;
    this.approval = b.approval;
    this.budgets = b.budgets;
    this.toolTimeout = b.toolTimeout;
    this.maxReplyChars = b.maxReplyChars;
    this.fs = b.fs;
    this.shell = b.shell;
  }

  /**
   * Reads and checks the policy file at {@code file}: JSON when its name ends in {@code .json},
   * YAML otherwise.
   *
   * @throws PolicyFileException listing every problem, each with its line and column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static PolicyFile load(Path file) {
    return CheckedPolicy.load(file).policy();
  }

  /**
   * Reads and checks policy text; {@code name} is used in the problems' messages.
   *
   * @throws PolicyFileException listing every problem, each with its line and column
   */
  public static PolicyFile parse(String text, String name, boolean json) {
    return CheckedPolicy.parse(text, name, json).policy();
  }

  /**
   * Returns the JSON Schema of policy files, the text {@code docs/schema/policy.schema.json}
   * publishes, for editors and CI checks. A file the schema accepts can still have problems only
   * code finds (a pattern that does not compile, a duplicate rule id); {@link #parse} finds both.
   */
  public static String jsonSchema() {
    return PolicySchema.text();
  }

  /**
   * Returns {@code duration} as policy files write it, in the largest unit that divides it: {@code
   * 500ms}, {@code 30s}, {@code 10m}, {@code 2h}; so that a summary reads like its file.
   */
  public static String durationText(Duration duration) {
    return Durations.format(duration);
  }

  /**
   * Returns a builder of the smallest valid file ({@code version: 1}, no tools, no rules), every
   * other field at the default a file that leaves it out gets.
   */
  public static PolicyFileBuilder builder() {
    return new PolicyFileBuilder();
  }

  /** Returns a builder holding this file, to change some of it. */
  public PolicyFileBuilder toBuilder() {
    PolicyFileBuilder b =
        builder()
            .description(description)
            .roots(roots)
            .tools(tools)
            .policy(policy)
            .approval(approval)
            .budgets(budgets)
            .fs(fs);
    toolTimeout.ifPresent(b::toolTimeout);
    maxReplyChars.ifPresent(b::maxReplyChars);
    shell.ifPresent(b::shell);
    return b;
  }

  /** Returns the format version, 1: the only one there is. */
  public int version() {
    return 1;
  }

  /** Returns the file's free-text description, or empty. */
  public String description() {
    return description;
  }

  /** Returns the directories the tools may use, in the file's order. */
  public List<Root> roots() {
    return roots;
  }

  /** Returns the globs naming the tools the model is offered. */
  public List<String> tools() {
    return tools;
  }

  /** Returns the rules, in order, each with its id. */
  public Policy policy() {
    return policy;
  }

  /** Returns which proposals a person is asked about. */
  public ApprovalMode approval() {
    return approval;
  }

  /** Returns the run's limits. */
  public Budgets budgets() {
    return budgets;
  }

  /** Returns the default tool timeout, if the file sets one. */
  public Optional<Duration> toolTimeout() {
    return toolTimeout;
  }

  /** Returns the longest model reply accepted, in characters, if the file sets it. */
  public OptionalInt maxReplyChars() {
    return maxReplyChars;
  }

  /** Returns the {@code fs} section, or its defaults. */
  public FsSettings fs() {
    return fs;
  }

  /** Returns the {@code shell} section, if present. */
  public Optional<ShellSettings> shell() {
    return shell;
  }

  /** Returns whether the file offers the tool called {@code name} to the model. */
  public boolean offers(String name) {
    return offered.evaluate(name, JsonValue.emptyObject()).effect() == PolicyRule.Effect.ALLOW;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PolicyFile that && key().equals(that.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return "PolicyFile" + key();
  }

  private List<Object> key() {
    return List.of(
        description,
        roots,
        tools,
        policy,
        approval,
        budgets,
        toolTimeout,
        maxReplyChars,
        fs,
        shell);
  }
}
