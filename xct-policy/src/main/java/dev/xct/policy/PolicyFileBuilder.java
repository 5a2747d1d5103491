package dev.xct.policy;

import dev.xct.core.XctException;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Configures a {@link PolicyFile}, starting from {@link PolicyFile#builder()} (the smallest valid
 * file) or {@link PolicyFile#toBuilder()} (a loaded one). List setters replace what was set before.
 * The builder refuses what code can get wrong (nulls, limits that are not positive, a tool glob
 * that does not compile); the file format's own ranges and cross-checks belong to {@link
 * PolicyFile#parse}, the way to check text.
 *
 * <p>Not thread-safe; {@link #build()} copies its state, so the builder may be changed and built
 * again.
 */
public final class PolicyFileBuilder {
  String description = "";
  List<Root> roots = List.of();
  List<String> tools = List.of();
  Policy policy = Policy.of(List.of());
  ApprovalMode approval = ApprovalMode.ASK_RULES_AND_DESTRUCTIVE;
  Budgets budgets = Budgets.defaults();
  Optional<Duration> toolTimeout = Optional.empty();
  OptionalInt maxReplyChars = OptionalInt.empty();
  FsSettings fs = FsSettings.defaults();
  Optional<ShellSettings> shell = Optional.empty();

  PolicyFileBuilder() {}

  /** Sets the free-text description; empty by default. */
  public PolicyFileBuilder description(String description) {
    this.description = Objects.requireNonNull(description, "description");
    return this;
  }

  /** Sets the directories the tools may use; none by default, so the tools can touch nothing. */
  public PolicyFileBuilder roots(List<Root> roots) {
    this.roots = List.copyOf(roots);
    return this;
  }

  /** Sets the globs naming the tools the model is offered; none by default. */
  public PolicyFileBuilder tools(List<String> globs) {
    this.tools = List.copyOf(globs);
    return this;
  }

  /** Sets the rules; none by default, so every proposal is denied. */
  public PolicyFileBuilder policy(Policy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** Sets which proposals a person is asked about; {@code ASK_RULES_AND_DESTRUCTIVE} by default. */
  public PolicyFileBuilder approval(ApprovalMode approval) {
    this.approval = Objects.requireNonNull(approval, "approval");
    return this;
  }

  /** Sets the run's limits; {@link Budgets#defaults()} by default. */
  public PolicyFileBuilder budgets(Budgets budgets) {
    this.budgets = Objects.requireNonNull(budgets, "budgets");
    return this;
  }

  /**
   * Sets the default tool timeout; unset by default, so the loop's own applies.
   *
   * @throws XctException if not positive
   */
  public PolicyFileBuilder toolTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new XctException("toolTimeout must be positive, was: " + timeout);
    }
    this.toolTimeout = Optional.of(timeout);
    return this;
  }

  /**
   * Sets the longest model reply accepted, in characters; unset by default, so the codec's own
   * applies.
   *
   * @throws XctException if not positive
   */
  public PolicyFileBuilder maxReplyChars(int chars) {
    if (chars <= 0) {
      throw new XctException("maxReplyChars must be positive, was: " + chars);
    }
    this.maxReplyChars = OptionalInt.of(chars);
    return this;
  }

  /** Sets the {@code fs} section; {@link FsSettings#defaults()} by default. */
  public PolicyFileBuilder fs(FsSettings fs) {
    this.fs = Objects.requireNonNull(fs, "fs");
    return this;
  }

  /** Sets the {@code shell} section; absent by default, so there is no {@code shell.exec}. */
  public PolicyFileBuilder shell(ShellSettings shell) {
    this.shell = Optional.of(shell);
    return this;
  }

  /**
   * Returns the immutable file.
   *
   * @throws XctException if a glob in {@link #tools} is not a tool glob
   */
  public PolicyFile build() {
    return new PolicyFile(this);
  }
}
