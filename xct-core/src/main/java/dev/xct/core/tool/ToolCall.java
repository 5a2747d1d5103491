package dev.xct.core.tool;

import dev.xct.core.JsonValue;
import dev.xct.core.XctException;
import java.util.Objects;

/**
 * Holds one validated, allowed call of a tool: its name, arguments and the model's stated goal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tool the tool's registered name
 * @param arguments the arguments, a JSON object that matched the tool's input schema
 * @param goal the model's stated reason for the step (may be empty)
 */
public record ToolCall(String tool, JsonValue arguments, String goal) {
  /**
   * @throws XctException if arguments is not a JSON object, or a component is null
   */
  public ToolCall {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(goal, "goal");
    if (!arguments.isObject()) {
      throw new XctException("tool arguments must be a JSON object, was: " + arguments);
    }
  }

  /**
   * Binds the arguments to a Java type (usually a record).
   *
   * @throws XctException if they do not fit the type
   */
  public <T> T bind(Class<T> type) {
    return arguments.bind(type);
  }
}
