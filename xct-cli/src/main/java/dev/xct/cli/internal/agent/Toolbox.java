package dev.xct.cli.internal.agent;

import dev.xct.core.tool.Tool;
import dev.xct.core.validate.Validator;
import dev.xct.policy.PolicyTools;
import java.util.List;

/**
 * Holds the tools an agent may be offered and the validators that come with them (such as the
 * confinement of file paths to the roots). This is the seam between the command line and the tool
 * modules: the demo, {@code run} and {@code replay} all take their tools from one of these.
 *
 * @param tools the tools, before the policy file's {@code tools} globs select among them
 * @param validators validators that run after the built-in ones and before the policy
 */
public record Toolbox(List<Tool> tools, List<Validator> validators) {
  /** Copies both lists. */
  public Toolbox {
    tools = List.copyOf(tools);
    validators = List.copyOf(validators);
  }

  /** Returns the file and shell tools a policy file describes, with their validators. */
  public static Toolbox of(PolicyTools tools) {
    return new Toolbox(tools.tools(), tools.validators());
  }
}
