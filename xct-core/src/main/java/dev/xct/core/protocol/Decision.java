package dev.xct.core.protocol;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.util.Objects;

/**
 * Holds the model's one decision for an iteration: propose exactly one tool call, or declare the
 * task done. The model never loops, executes or retries; it only decides.
 *
 * <p>Values are immutable and validated at construction. Thread-safe.
 */
public sealed interface Decision permits Decision.Proposal, Decision.Done {

  /** Creates a proposal to call {@code tool} with {@code arguments} for the stated goal. */
  static Proposal propose(String tool, JsonValue arguments, String goal) {
    return new Proposal(tool, arguments, goal);
  }

  /** Creates a completion signal carrying the model's final message. */
  static Done done(String message) {
    return new Done(message);
  }

  /**
   * Proposes one tool call. The proposal changes nothing: the system decides whether it runs.
   *
   * @param tool the registered tool's name, never blank
   * @param arguments the arguments, always a JSON object
   * @param goal why the model wants this step; empty when the model gave none
   */
  record Proposal(String tool, JsonValue arguments, String goal) implements Decision {
    /**
     * @throws XctException if {@code tool} is blank, {@code arguments} is not an object, or any
     *     component is null
     */
    public Proposal {
      if (tool == null || tool.isBlank()) {
        throw new XctException("proposal tool must be a non-blank name, was: " + tool);
      }
      Objects.requireNonNull(arguments, "arguments");
      if (!arguments.isObject()) {
        throw new XctException("proposal arguments must be a JSON object, was: " + arguments);
      }
      Objects.requireNonNull(goal, "goal");
    }
  }

  /**
   * Declares the task complete.
   *
   * @param message what was accomplished; empty when the model gave none
   */
  record Done(String message) implements Decision {
    /**
     * @throws NullPointerException if {@code message} is null
     */
    public Done {
      Objects.requireNonNull(message, "message");
    }
  }
}
