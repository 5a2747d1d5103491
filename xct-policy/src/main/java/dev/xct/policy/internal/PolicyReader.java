package dev.xct.policy.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Condition;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.PolicyRule;
import dev.xct.policy.PolicyFile;
import dev.xct.policy.PolicyFileBuilder;
import dev.xct.policy.PolicyFileException;
import dev.xct.policy.PolicyProblem;
import dev.xct.policy.Root;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Turns policy text into a {@link PolicyFile}: syntax first, then the schema, then what only code
 * can check (exactly one effect per rule, patterns and pointers that compile, unique rule ids,
 * durations, and what {@link FsSection} and {@link ShellSection} check in their sections). Every
 * problem is collected and located before anything is thrown; warnings are collected the same way
 * and returned with the file and the locations, which {@code CheckedPolicy} keeps to locate what
 * the tools refuse.
 *
 * <p>One instance reads one file; not thread-safe. Use {@link #read}.
 */
public final class PolicyReader {
  private final LocatedTree.Located located;
  private final List<PolicyProblem> problems = new ArrayList<>();
  private final List<PolicyProblem> warnings = new ArrayList<>();

  private PolicyReader(LocatedTree.Located located) {
    this.located = located;
  }

  /**
   * Holds a file read without problems.
   *
   * @param policy the file
   * @param warnings its warnings, in the order of the file
   * @param located the text's tree, which locates any field of the file
   */
  public record Read(
      PolicyFile policy, List<PolicyProblem> warnings, LocatedTree.Located located) {}

  /**
   * Reads {@code text}, YAML unless {@code json}.
   *
   * @throws PolicyFileException with every problem, located
   */
  public static Read read(String text, String name, boolean json) {
    LocatedTree.Located located;
    try {
      located = LocatedTree.read(text, json);
    } catch (LocatedTree.SyntaxException e) {
      throw new PolicyFileException(name, List.of(e.problem()));
    }
    if (!located.root().isObject()) {
      throw new PolicyFileException(
          name,
          List.of(
              new PolicyProblem(
                  1, 1, "", "expected a mapping with version, tools and rules at the top")));
    }
    List<PolicyProblem> shape = PolicySchema.check(located);
    if (!shape.isEmpty()) {
      throw new PolicyFileException(name, sorted(shape));
    }
    PolicyReader reader = new PolicyReader(located);
    PolicyFile file = reader.convert();
    if (!reader.problems.isEmpty()) {
      throw new PolicyFileException(name, sorted(reader.problems));
    }
    return new Read(file, sorted(reader.warnings), located);
  }

  private PolicyFile convert() {
    JsonNode root = located.root();
    List<Root> roots = new ArrayList<>();
    for (JsonNode node : root.path("roots")) {
      boolean writable = "read-write".equals(node.path("access").asString("read-only"));
      roots.add(
          new Root(
              node.get("path").asString(),
              writable ? Root.Access.READ_WRITE : Root.Access.READ_ONLY));
    }
    List<String> tools = new ArrayList<>();
    root.path("tools").forEach(glob -> tools.add(glob.asString()));
    Policy policy = rules(root.path("rules"));
    ApprovalMode approval =
        "ask-rules".equals(root.path("approval").asString(""))
            ? ApprovalMode.ASK_RULES
            : ApprovalMode.ASK_RULES_AND_DESTRUCTIVE;
    PolicyFileBuilder file =
        PolicyFile.builder()
            .description(root.path("description").asString(""))
            .roots(roots)
            .tools(tools)
            .policy(policy)
            .approval(approval)
            .budgets(budgets(root.path("budgets")));
    optionalDuration(root.path("tool_timeout"), "/tool_timeout").ifPresent(file::toolTimeout);
    if (root.has("max_reply_chars")) {
      file.maxReplyChars(root.get("max_reply_chars").asInt());
    }
    if (root.has("fs")) {
      file.fs(FsSection.read(root.get("fs"), this));
    }
    if (root.has("shell")) {
      file.shell(ShellSection.read(root.get("shell"), this));
    }
    // The schema admits only tool globs, so this reports nothing unless the two disagree.
    return attempt("/tools", file::build).orElseGet(() -> file.tools(List.of()).build());
  }

  private Policy rules(JsonNode rules) {
    List<PolicyRule> built = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      String at = "/rules/" + i;
      JsonNode node = rules.get(i);
      PolicyRule rule = rule(node, at);
      if (rule == null) {
        continue;
      }
      String id = node.path("id").asString("rule-" + (i + 1));
      Integer earlier = ids.putIfAbsent(id, i);
      if (earlier != null) {
        add(
            at + (node.has("id") ? "/id" : ""),
            "duplicate rule id '" + id + "', as rules[" + earlier + "]");
        continue;
      }
      built.add(rule.withId(id));
    }
    return attempt("/rules", () -> Policy.of(built)).orElse(Policy.of(List.of()));
  }

  private PolicyRule rule(JsonNode node, String at) {
    List<String> effects = new ArrayList<>();
    for (String effect : List.of("allow", "deny", "ask")) {
      if (node.has(effect)) {
        effects.add(effect);
      }
    }
    if (effects.size() != 1) {
      add(
          at,
          effects.isEmpty()
              ? "a rule needs one of allow, deny or ask, with the tool glob as its value"
              : "a rule has exactly one of allow, deny or ask; found "
                  + String.join(" and ", effects));
      return null;
    }
    String effect = effects.get(0);
    String glob = node.get(effect).asString();
    List<Condition> conditions = new ArrayList<>();
    JsonNode when = node.path("when");
    for (Map.Entry<String, JsonNode> test : when.properties()) {
      conditions.addAll(
          conditions(
              test.getKey(), test.getValue(), at + "/when/" + LocatedTree.escape(test.getKey())));
    }
    PolicyRule.Effect kind = PolicyRule.Effect.valueOf(effect.toUpperCase(java.util.Locale.ROOT));
    String reason = node.path("reason").asString("");
    return attempt(at + "/" + effect, () -> new PolicyRule("", kind, glob, conditions, reason))
        .orElse(null);
  }

  private List<Condition> conditions(String key, JsonNode test, String at) {
    String pointer = key.startsWith("/") || key.isEmpty() ? key : "/" + LocatedTree.escape(key);
    List<Condition> out = new ArrayList<>();
    if (!test.isObject()) {
      attempt(at, () -> Condition.of(pointer, Condition.Operator.EQUALS, JsonValue.of(test)))
          .ifPresent(out::add);
      return out;
    }
    for (Map.Entry<String, JsonNode> entry : test.properties()) {
      Condition.Operator operator = operator(entry.getKey());
      JsonValue operand =
          operator == Condition.Operator.EXISTS || operator == Condition.Operator.ABSENT
              ? JsonValue.nullValue()
              : JsonValue.of(entry.getValue());
      attempt(at + "/" + entry.getKey(), () -> Condition.of(pointer, operator, operand))
          .ifPresent(out::add);
    }
    return out;
  }

  private static Condition.Operator operator(String name) {
    return switch (name) {
      case "one_of" -> Condition.Operator.ONE_OF;
      case "lt", "le", "gt", "ge", "glob", "regex", "equals", "exists", "absent" ->
          Condition.Operator.valueOf(name.toUpperCase(java.util.Locale.ROOT));
      default -> throw new IllegalStateException("the schema admits no operator " + name);
    };
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(element -> out.add(element.asString()));
    return out;
  }

  private Budgets budgets(JsonNode node) {
    Budgets.Builder builder = Budgets.builder();
    if (node.has("max_steps")) {
      builder.maxSteps(node.get("max_steps").asInt());
    }
    if (node.has("max_consecutive_errors")) {
      builder.maxConsecutiveErrors(node.get("max_consecutive_errors").asInt());
    }
    optionalDuration(node.path("max_duration"), "/budgets/max_duration")
        .ifPresent(builder::maxDuration);
    for (Map.Entry<String, JsonNode> quota : node.path("tool_quotas").properties()) {
      builder.toolQuota(quota.getKey(), quota.getValue().asInt());
    }
    return attempt("/budgets", builder::build).orElse(Budgets.defaults());
  }

  Optional<Duration> optionalDuration(JsonNode node, String at) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    Optional<Duration> parsed = Durations.parse(node.asString());
    if (parsed.isEmpty()) {
      add(at, node + " is not a duration: use 500ms, 30s, 10m, 2h or ISO-8601 such as PT1M30S");
    } else if (parsed.get().compareTo(Durations.MAX) > 0) {
      add(at, node + " is longer than a year (8760h), the longest duration a policy file accepts");
      return Optional.empty();
    }
    return parsed;
  }

  private <T> Optional<T> attempt(String at, Supplier<T> build) {
    try {
      return Optional.of(build.get());
    } catch (XctException e) {
      add(at, e.getMessage());
      return Optional.empty();
    }
  }

  /** Reports a problem at {@code pointer}: the file is invalid. */
  void add(String pointer, String message) {
    problems.add(located.problem(pointer, message));
  }

  /** Reports a warning at {@code pointer}: the file is valid, but weakens a boundary. */
  void warn(String pointer, String message) {
    warnings.add(located.problem(pointer, message));
  }

  private static List<PolicyProblem> sorted(List<PolicyProblem> problems) {
    return problems.stream()
        .distinct()
        .sorted(
            Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column))
        .toList();
  }
}
