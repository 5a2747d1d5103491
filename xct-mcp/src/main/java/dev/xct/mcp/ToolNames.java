package dev.xct.mcp;

import dev.xct.core.XctException;
import dev.xct.core.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps MCP tool names into XCT's name pattern: {@code prefix.} followed by the MCP name with
 * camelCase split by underscores, lower-cased, and hyphens turned into underscores ({@code get-sum}
 * → {@code get_sum}, {@code getTinyImage} → {@code get_tiny_image}); dots stay segment separators.
 * A name that still does not fit, or two names that land on one, fail the build.
 */
final class ToolNames {
  private ToolNames() {}

  /** Returns the XCT names of {@code mcpNames}, in order, keyed by MCP name. */
  static Map<String, String> map(
      String prefix, List<String> mcpNames, Map<String, String> renames) {
    Map<String, String> byMcp = new LinkedHashMap<>();
    Map<String, String> byXct = new LinkedHashMap<>();
    for (String mcpName : mcpNames) {
      String xctName = renames.getOrDefault(mcpName, prefix + "." + segment(mcpName));
      if (!ToolSpec.isValidName(xctName)) {
        throw new XctException(
            "MCP tool '"
                + mcpName
                + "' maps to '"
                + xctName
                + "', which is not a valid XCT tool name ("
                + ToolSpec.NAME_PATTERN
                + ", at most "
                + ToolSpec.MAX_NAME_LENGTH
                + " characters): rename it or leave it out");
      }
      String earlier = byXct.putIfAbsent(xctName, mcpName);
      if (earlier != null) {
        throw new XctException(
            "MCP tools '"
                + earlier
                + "' and '"
                + mcpName
                + "' both map to the XCT tool name '"
                + xctName
                + "': rename one or leave it out");
      }
      byMcp.put(mcpName, xctName);
    }
    return byMcp;
  }

  /** The default mapping of one MCP name, before validation. */
  static String segment(String mcpName) {
    StringBuilder out = new StringBuilder(mcpName.length() + 8);
    for (int i = 0; i < mcpName.length(); i++) {
      char c = mcpName.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char before = i == 0 ? '.' : mcpName.charAt(i - 1);
        if ((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9')) {
          out.append('_');
        }
        out.append((char) (c + ('a' - 'A')));
      } else {
        out.append(c == '-' ? '_' : c);
      }
    }
    return out.toString();
  }
}
