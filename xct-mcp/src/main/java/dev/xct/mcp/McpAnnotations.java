package dev.xct.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Objects;

/**
 * Holds what an MCP server claims about one of its tools, with MCP's defaults filled in for what it
 * leaves out ({@code readOnlyHint} false, {@code destructiveHint} true, {@code idempotentHint}
 * false, {@code openWorldHint} true). These are the server's words, not facts: XCT gives them no
 * effect unless the integrator says so ({@link McpTools.Builder#trustAnnotations(boolean)}); a
 * validator may consult them through {@link McpTool#annotations()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the human-readable title the server gave, or empty
 * @param readOnly the server claims the tool changes nothing
 * @param destructive the server claims the tool may make changes that are hard to undo
 * @param idempotent the server claims a repeated call has no further effect
 * @param openWorld the server claims the tool reaches beyond a closed domain (the web, say)
 */
public record McpAnnotations(
    String title, boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
  private static final McpAnnotations NONE = new McpAnnotations("", false, true, false, true);

  /**
   * @throws NullPointerException if {@code title} is null
   */
  public McpAnnotations {
    Objects.requireNonNull(title, "title");
  }

  /** Returns the annotations of a tool that claims nothing: MCP's defaults. */
  public static McpAnnotations none() {
    return NONE;
  }

  /** Reads the SDK's annotations, which may be null or hold nulls. */
  static McpAnnotations of(McpSchema.ToolAnnotations claimed) {
    if (claimed == null) {
      return NONE;
    }
    return new McpAnnotations(
        claimed.title() == null ? "" : claimed.title(),
        Boolean.TRUE.equals(claimed.readOnlyHint()),
        !Boolean.FALSE.equals(claimed.destructiveHint()),
        Boolean.TRUE.equals(claimed.idempotentHint()),
        !Boolean.FALSE.equals(claimed.openWorldHint()));
  }
}
