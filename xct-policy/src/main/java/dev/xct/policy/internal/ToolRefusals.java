package dev.xct.policy.internal;

import dev.xct.policy.MissingRootException;
import dev.xct.policy.PolicyFile;
import dev.xct.policy.Root;
import dev.xct.policy.ShellSettings;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ShellConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the field of a policy file that a refusal of {@code PolicyTools} concerns, so that {@code
 * xct policy check}, {@code run} and {@code replay} report it at the line to change: the root that
 * is missing or that the shell tool refuses, the program it refuses, the sandbox it cannot start.
 * Stateless.
 */
public final class ToolRefusals {
  private ToolRefusals() {}

  /**
   * Returns the JSON Pointer into the file of the field {@code refusal} concerns, or {@code ""}
   * (the whole file) for a refusal that names none.
   */
  public static String pointer(PolicyFile policy, Path workspace, RuntimeException refusal) {
    if (refusal instanceof MissingRootException missing) {
      int index = policy.roots().indexOf(missing.root());
      return index < 0 ? "/roots" : "/roots/" + index + "/path";
    }
    if (refusal instanceof ShellConfigurationException shell) {
      return switch (shell.setting()) {
        case PROGRAM -> program(policy, shell.subject());
        case ROOT -> root(policy.roots(), workspace, shell.subject());
        case SANDBOX -> "/shell/sandbox";
        case TOOL_NAME, SEARCH_PATH, LIMIT -> "/shell";
      };
    }
    return "";
  }

  private static String program(PolicyFile policy, String name) {
    List<Program> programs = policy.shell().map(ShellSettings::programs).orElse(List.of());
    for (int i = 0; i < programs.size(); i++) {
      if (programs.get(i).name().equals(name)) {
        return "/shell/programs/" + i;
      }
    }
    return "/shell/programs";
  }

  /** Finds the root whose directory is {@code real}, the real path the shell tool names. */
  private static String root(List<Root> roots, Path workspace, String real) {
    for (int i = 0; i < roots.size(); i++) {
      try {
        if (roots.get(i).resolve(workspace).toRealPath().toString().equals(real)) {
          return "/roots/" + i + "/path";
        }
      } catch (IOException e) {
        // A root that cannot be resolved is not the one the shell tool resolved.
      }
    }
    return "/roots";
  }
}
