package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.console.Console;
import dev.xct.cli.internal.console.Style;
import dev.xct.cli.policy.PolicyFile;
import dev.xct.cli.policy.PolicyFileException;
import dev.xct.cli.policy.PolicyProblem;
import dev.xct.cli.policy.Root;
import dev.xct.cli.policy.internal.Durations;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.PolicyRule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** Validates a policy file and explains it, or each of its errors: {@code xct policy check}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate policy files. A valid file is summarised rule by rule; an invalid one gets one"
          + " line per problem: FILE:LINE:COLUMN: FIELD: what is wrong and what was expected."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:the file is valid", "65:the file has problems", "66:the file is missing"})
final class PolicyCheckCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand parent;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Policy files (.yaml, .yml or .json); each is checked.")
  List<Path> files;

  @Option(names = "--json", description = "Print one JSON object per file: file, valid, problems.")
  boolean json;

  @Override
  public Integer call() {
    Console console = parent.parent.console();
    files.forEach(file -> Inputs.requireFile(file, "policy file"));
    int worst = ExitCodes.DONE;
    for (Path file : files) {
      worst = Math.max(worst, check(console, file));
    }
    return worst;
  }

  private int check(Console console, Path file) {
    try {
      PolicyFile policy = PolicyFile.load(file);
      if (json) {
        print(console.out(), verdict(file, true, List.of()));
      } else {
        explain(console.out(), console.style(), file, policy);
      }
      return ExitCodes.DONE;
    } catch (PolicyFileException e) {
      if (json) {
        List<Map<String, Object>> problems = new ArrayList<>();
        for (PolicyProblem p : e.problems()) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("line", p.line());
          one.put("column", p.column());
          one.put("field", p.field());
          one.put("message", p.message());
          problems.add(one);
        }
        print(console.out(), verdict(file, false, problems));
      } else {
        console.out().println(e.getMessage());
        int count = e.problems().size();
        console
            .out()
            .println(console.style().red("✗ " + count + (count == 1 ? " problem" : " problems")));
      }
      return ExitCodes.BAD_CONFIG;
    }
  }

  private static void explain(PrintStream out, Style style, Path file, PolicyFile policy) {
    out.println(style.green("✓ " + file + " is a valid policy"));
    if (!policy.description().isEmpty()) {
      out.println("  " + policy.description());
    }
    out.println(
        "  roots:    "
            + (policy.roots().isEmpty()
                ? "none (file tools cannot touch anything)"
                : policy.roots().stream()
                    .map(PolicyCheckCommand::root)
                    .collect(Collectors.joining(", "))));
    out.println(
        "  tools:    "
            + (policy.tools().isEmpty()
                ? "none (the model can only say done)"
                : String.join(", ", policy.tools())));
    out.println("  rules, in order; the first match decides, no match denies:");
    List<PolicyRule> rules = policy.policy().rules();
    int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(4);
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule rule = rules.get(i);
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "    %2d  %-" + width + "s  %-5s %s",
                  i + 1,
                  rule.id(),
                  rule.effect().name().toLowerCase(java.util.Locale.ROOT),
                  rule.tool()));
      if (!rule.conditions().isEmpty()) {
        line.append("  when ")
            .append(
                rule.conditions().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining(" and ")));
      }
      if (!rule.reason().isEmpty()) {
        line.append(style.dim("  — " + rule.reason()));
      }
      out.println(line);
    }
    out.println(
        "  approval: "
            + (policy.approval() == ApprovalMode.ASK_RULES
                ? "ask rules only"
                : "ask rules, and destructive tools even under an allow rule"));
    out.println("  budgets:  " + budgets(policy.budgets()));
    policy.toolTimeout().ifPresent(t -> out.println("  tool timeout: " + Durations.format(t)));
    policy
        .shell()
        .ifPresent(
            shell ->
                out.println(
                    "  shell:    "
                        + (shell.programs().isEmpty()
                            ? "no programs (shell.exec can run nothing)"
                            : shell.programs().stream()
                                .map(p -> p.name() + (p.readOnly() ? "" : " (may write)"))
                                .collect(Collectors.joining(", ")))));
  }

  private static Map<String, Object> verdict(Path file, boolean valid, List<?> problems) {
    Map<String, Object> verdict = new LinkedHashMap<>();
    verdict.put("file", file.toString());
    verdict.put("valid", valid);
    verdict.put("problems", problems);
    return verdict;
  }

  private static String root(Root root) {
    return root.path() + (root.writable() ? " (read-write)" : " (read-only)");
  }

  private static String budgets(Budgets budgets) {
    String quotas =
        budgets.toolQuotas().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " ×" + e.getValue())
            .collect(Collectors.joining(", "));
    return budgets.maxSteps()
        + " steps, "
        + budgets.maxConsecutiveErrors()
        + " consecutive errors, "
        + Durations.format(budgets.maxDuration())
        + (quotas.isEmpty() ? "" : ", quotas: " + quotas);
  }

  private static void print(PrintStream out, Object value) {
    out.println(JsonMapper.builder().build().writeValueAsString(value));
  }
}
