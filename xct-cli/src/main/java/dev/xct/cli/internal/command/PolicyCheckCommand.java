package dev.xct.cli.internal.command;

import dev.xct.cli.ExitCodes;
import dev.xct.cli.internal.console.Console;
import dev.xct.cli.internal.console.Style;
import dev.xct.cli.internal.console.TerminalStream;
import dev.xct.core.validate.ApprovalMode;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.PolicyRule;
import dev.xct.policy.CheckedPolicy;
import dev.xct.policy.PolicyFile;
import dev.xct.policy.PolicyFileException;
import dev.xct.policy.PolicyProblem;
import dev.xct.policy.Root;
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
      "Validate policy files, and build the tools each describes exactly as run and replay do"
          + " (roots resolved against --workspace, programs found on the PATH, the sandbox"
          + " started), so that a file passes exactly when run and replay can start with it.",
      "A valid file is summarised rule by rule; an invalid one gets one line per problem:"
          + " FILE:LINE:COLUMN: FIELD: what is wrong and what was expected.",
      "Warnings (an unconfined sandbox, the host's network, unvetted program options) are"
          + " printed the same way, prefixed with '!'; they do not make a file invalid."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every file is valid and its tools can be built here",
      "65:a file has problems, or its tools cannot be built here",
      "66:a file or the workspace is missing"
    })
final class PolicyCheckCommand implements Callable<Integer> {
  @ParentCommand PolicyCommand parent;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Policy files (.yaml, .yml or .json); each is checked.")
  List<Path> files;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description =
          "The directory relative roots resolve against, as in run and replay (default: the"
              + " current directory).")
  Path workspace = Path.of(".");

  @Option(
      names = "--json",
      description = "Print one JSON object per file: file, valid, problems, warnings.")
  boolean json;

  @Override
  public Integer call() {
    Console console = parent.parent.console();
    files.forEach(file -> Inputs.requireFile(file, "policy file"));
    Inputs.requireDirectory(workspace, "workspace");
    int worst = ExitCodes.DONE;
    for (Path file : files) {
      worst = Math.max(worst, check(console, file));
    }
    return worst;
  }

  private int check(Console console, Path file) {
    try {
      CheckedPolicy checked = CheckedPolicy.load(file);
      PolicyToolkits.forPolicy(checked, workspace);
      if (json) {
        print(console.out(), verdict(file, true, List.of(), checked.warnings()));
      } else {
        explain(console.out(), console.style(), file, checked.policy());
        warnings(console.out(), console.style(), file, checked.warnings());
      }
      return ExitCodes.DONE;
    } catch (PolicyFileException e) {
      if (json) {
        print(console.out(), verdict(file, false, e.problems(), List.of()));
      } else {
        // One line per problem: a value quoted from the file cannot start a line of its own.
        e.problems().forEach(problem -> console.out().line(problem.format(e.file())));
        int count = e.problems().size();
        console
            .out()
            .line(console.style().red("✗ " + count + (count == 1 ? " problem" : " problems")));
      }
      return ExitCodes.BAD_CONFIG;
    }
  }

  private static void explain(TerminalStream out, Style style, Path file, PolicyFile policy) {
    out.line(style.green("✓ " + file + " is a valid policy"));
    if (!policy.description().isEmpty()) {
      // A YAML block scalar keeps its lines; a carriage return in one is shown, not obeyed.
      for (String line : policy.description().strip().split("\n")) {
        out.line("  ", line);
      }
    }
    out.line(
        "  roots:    ",
        policy.roots().isEmpty()
            ? "none (file tools cannot touch anything)"
            : policy.roots().stream()
                .map(PolicyCheckCommand::root)
                .collect(Collectors.joining(", ")));
    out.line(
        "  tools:    ",
        policy.tools().isEmpty()
            ? "none (the model can only say done)"
            : String.join(", ", policy.tools()));
    out.line("  rules, in order; the first match decides, no match denies:");
    List<PolicyRule> rules = policy.policy().rules();
    int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(4);
    for (int i = 0; i < rules.size(); i++) {
      PolicyRule rule = rules.get(i);
      List<CharSequence> line = new ArrayList<>();
      line.add(
          String.format(
              "    %2d  %-" + width + "s  %-5s %s",
              i + 1,
              rule.id(),
              rule.effect().name().toLowerCase(java.util.Locale.ROOT),
              rule.tool()));
      if (!rule.conditions().isEmpty()) {
        line.add(
            "  when "
                + rule.conditions().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining(" and ")));
      }
      if (!rule.reason().isEmpty()) {
        line.add(style.dim("  — " + rule.reason()));
      }
      out.line(line.toArray(CharSequence[]::new));
    }
    out.line(
        "  approval: ",
        policy.approval() == ApprovalMode.ASK_RULES
            ? "ask rules only"
            : "ask rules, and destructive tools even under an allow rule");
    out.line("  budgets:  ", budgets(policy.budgets()));
    policy.toolTimeout().ifPresent(t -> out.line("  tool timeout: ", DurationText.format(t)));
    policy.maxReplyChars().ifPresent(n -> out.line("  longest reply: ", n + " characters"));
    policy
        .shell()
        .ifPresent(
            shell -> {
              List<String> lines = ShellSummary.lines(shell);
              out.line("  shell:    ", lines.get(0));
              lines.subList(1, lines.size()).forEach(line -> out.line("            ", line));
            });
  }

  private static void warnings(
      TerminalStream out, Style style, Path file, List<PolicyProblem> warnings) {
    for (PolicyProblem warning : warnings) {
      out.line(style.yellow("! " + warning.format(file.toString())));
    }
    if (!warnings.isEmpty()) {
      int count = warnings.size();
      out.line(style.yellow("⚠ " + count + (count == 1 ? " warning" : " warnings")));
    }
  }

  private static Map<String, Object> verdict(
      Path file, boolean valid, List<PolicyProblem> problems, List<PolicyProblem> warnings) {
    Map<String, Object> verdict = new LinkedHashMap<>();
    verdict.put("file", file.toString());
    verdict.put("valid", valid);
    verdict.put("problems", problems.stream().map(PolicyCheckCommand::json).toList());
    verdict.put("warnings", warnings.stream().map(PolicyCheckCommand::json).toList());
    return verdict;
  }

  private static Map<String, Object> json(PolicyProblem problem) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("line", problem.line());
    one.put("column", problem.column());
    one.put("field", problem.field());
    one.put("message", problem.message());
    return one;
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
        + DurationText.format(budgets.maxDuration())
        + (quotas.isEmpty() ? "" : ", quotas: " + quotas);
  }

  private static void print(TerminalStream out, Object value) {
    out.println(JsonMapper.builder().build().writeValueAsString(value));
  }
}
