package dev.xct.cli.internal.command;

import dev.xct.policy.PolicyFile;
import dev.xct.policy.ShellSettings;
import dev.xct.tools.shell.Presets;
import dev.xct.tools.shell.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Describes a policy's {@code shell} section for {@code xct policy check}: the sandbox, the limits,
 * and each program with how its options are checked. Stateless.
 */
final class ShellSummary {
  private ShellSummary() {}

  /** Returns the lines, without indentation. */
  static List<String> lines(ShellSettings shell) {
    List<String> lines = new ArrayList<>();
    lines.add("sandbox: " + sandbox(shell));
    if (!shell.readOnlyPaths().isEmpty()) {
      lines.add(
          "read-only in the sandbox: "
              + shell.readOnlyPaths().stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(", ")));
    }
    if (shell.timeout().isPresent() || shell.maxTimeout().isPresent()) {
      lines.add(
          "timeout: "
              + shell.timeout().map(PolicyFile::durationText).orElse("default")
              + shell
                  .maxTimeout()
                  .map(max -> ", at most " + PolicyFile.durationText(max))
                  .orElse(""));
    }
    if (shell.programs().isEmpty()) {
      lines.add("no programs (shell.exec can run nothing)");
    }
    int width = shell.programs().stream().mapToInt(p -> p.name().length()).max().orElse(0);
    for (Program program : shell.programs()) {
      lines.add(String.format("%-" + width + "s  %s", program.name(), kind(program)));
    }
    return lines;
  }

  /**
   * Returns {@code bubblewrap (no network)}, {@code bubblewrap (host network)} or {@code
   * unconfined}.
   */
  static String sandbox(ShellSettings shell) {
    if (!shell.sandboxed()) {
      return "unconfined";
    }
    return "bubblewrap (" + (shell.network() ? "host network" : "no network") + ")";
  }

  /** Returns how the program's options are checked, and whether it may write. */
  static String kind(Program program) {
    String kind;
    if (program.unvettedOptionsAtOwnRisk()) {
      kind = "unvetted: options nobody listed reach it";
    } else if (profiled(program.name())) {
      kind = "preset/profiled";
    } else if (program.options().kinds().isEmpty()
        && program.subcommandOptions().values().stream().allMatch(t -> t.kinds().isEmpty())) {
      kind = "no options";
    } else {
      kind = "explicit options";
    }
    return kind + (program.readOnly() ? "" : "; may write");
  }

  /** A bare rule passes the vetting check exactly when XCT has a profile of the name. */
  private static boolean profiled(String name) {
    return Presets.vettingProblem(Program.builder(name).build()).isEmpty();
  }
}
