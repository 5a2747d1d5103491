package dev.xct.policy;

import dev.xct.core.JsonValue;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.PolicyRule;
import dev.xct.policy.internal.PolicySchema;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Holds a policy file, read and checked: the roots the tools may use, which tools the model is
 * offered, the ordered allow/deny/ask rules, when a person is asked, the budgets and the shell
 * allowlist. The format is YAML or JSON, described by {@code docs/schema/policy.schema.json} (also
 * {@link #jsonSchema()}) and {@code docs/cli.md}.
 *
 * <p>Loading never half-succeeds: every problem in the file is collected, located by line and
 * column, and reported together in one {@link PolicyFileException}; {@link CheckedPolicy} also
 * carries the warnings. Immutable and thread-safe.
 *
 * @param version the format version, 1
 * @param description free text from the file, or empty
 * @param roots the directories the tools may use
 * @param tools globs naming the tools the model is offered
 * @param policy the rules, in order, each with its id
 * @param approval which proposals a person is asked about
 * @param budgets the run's limits
 * @param toolTimeout the default tool timeout, if the file sets one
 * @param maxReplyChars the longest model reply accepted, in characters, if the file sets it
 * @param fs the {@code fs} section, or its defaults
 * @param shell the {@code shell} section, if present
 */
public record PolicyFile(
    int version,
    String description,
    List<Root> roots,
    List<String> tools,
    Policy policy,
    ApprovalMode approval,
    Budgets budgets,
    Optional<Duration> toolTimeout,
    OptionalInt maxReplyChars,
    FsSettings fs,
    Optional<ShellSettings> shell) {
  /**
   * @throws NullPointerException if a component is null
   */
  public PolicyFile {
    Objects.requireNonNull(description, "description");
    roots = List.copyOf(roots);
    tools = List.copyOf(tools);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(approval, "approval");
    Objects.requireNonNull(budgets, "budgets");
    Objects.requireNonNull(toolTimeout, "toolTimeout");
    Objects.requireNonNull(maxReplyChars, "maxReplyChars");
    Objects.requireNonNull(fs, "fs");
    Objects.requireNonNull(shell, "shell");
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

  /** Returns whether the file offers the tool called {@code name} to the model. */
  public boolean offers(String name) {
    Policy offered = Policy.of(tools.stream().map(glob -> PolicyRule.allow(glob)).toList());
    return offered.evaluate(name, JsonValue.emptyObject()).effect() == PolicyRule.Effect.ALLOW;
  }
}
