package dev.xct.model.support;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolSpec;
import dev.xct.model.support.internal.ProposalSchemas;
import dev.xct.model.support.internal.StrictSchemas;

/**
 * Maps XCT tool names to function names for native tool calling and back. Providers allow only
 * {@code [a-zA-Z0-9_-]} in function names, and XCT names are dotted ({@code fs.write}), so each dot
 * becomes a dash ({@code fs-write}). XCT names never contain a dash, so the mapping is exact both
 * ways. The completion signal is the function {@value #DONE}, upper case so that no XCT tool can
 * share its name. A tool's function is described by {@link #parameters(ToolSpec)}, the same
 * argument schema the {@link ProposalSchema} embeds.
 *
 * <p>Stateless and thread-safe.
 */
public final class ToolFunctions {
  /** The function the model calls to declare the task done; it takes {@code {"message": …}}. */
  public static final String DONE = "DONE";

  private ToolFunctions() {}

  /** Returns the function name for {@code tool}: its dots replaced by dashes. */
  public static String functionName(String tool) {
    return tool.replace('.', '-');
  }

  /**
   * Returns the tool name a function name stands for: its dashes replaced by dots. The result is
   * not checked against any registry: an unknown name reaches the validators like any other.
   */
  public static String toolName(String function) {
    return function.replace('-', '.');
  }

  /** Returns whether {@code function} is the done signal rather than a tool. */
  public static boolean isDone(String function) {
    return DONE.equals(function);
  }

  /**
   * Returns the JSON Schema of {@code tool}'s function parameters: its argument schema as {@link
   * ProposalSchema} embeds it (without {@code $schema}, and typed as an object when it names no
   * type).
   */
  public static JsonValue parameters(ToolSpec tool) {
    return JsonValue.of(ProposalSchemas.arguments(tool));
  }

  /**
   * Returns whether {@code tool}'s parameters lie inside OpenAI's strict subset, so that its
   * function may be declared {@code "strict": true}. The same test decides whether {@link
   * ProposalSchema#strictSchema()} exists.
   */
  public static boolean isStrict(ToolSpec tool) {
    return StrictSchemas.isCompatible(ProposalSchemas.arguments(tool));
  }
}
