package dev.xct.model.openai;

/**
 * Maps XCT tool names to function names for native tool calling and back. Providers allow only
 * {@code [a-zA-Z0-9_-]} in function names, and XCT names are dotted ({@code fs.write}), so each dot
 * becomes a dash ({@code fs-write}). XCT names never contain a dash, so the mapping is exact both
 * ways. The completion signal is the function {@value #DONE}, upper case so that no XCT tool can
 * share its name.
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
}
