package dev.xct.mcp;

import dev.xct.core.JsonValue;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import dev.xct.tools.fs.FsErrorCodes;
import dev.xct.tools.fs.PathAccess;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.PathResolution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The confinement example of docs/mcp.md, as the tests run it: the path arguments of an MCP file
 * server's tools checked by the fs module's {@link PathConfinement} before the call is sent. The
 * integrator names what holds a path ({@code path}, {@code source}, {@code destination}, each of
 * {@code paths}) and which tools only read; nothing here trusts the server's annotations.
 */
final class McpPathConfinement {
  private McpPathConfinement() {}

  // docs/mcp.md: confinement-example begin
  static Validator confine(McpTools files, PathConfinement confinement, Set<String> readingTools) {
    return Validator.named(
        "mcp-path-confinement",
        (proposal, context) -> {
          Optional<McpTool> tool = files.tool(proposal.tool());
          if (tool.isEmpty()) {
            return Verdict.allow(); // not one of this server's tools
          }
          PathAccess access =
              readingTools.contains(tool.get().mcpName()) ? PathAccess.READ : PathAccess.WRITE;
          for (String path : pathArguments(proposal.arguments())) {
            // The server would resolve a relative path or "~" its own way: insist on absolute.
            if (!Path.of(path).isAbsolute()) {
              return Verdict.deny(
                  FsErrorCodes.INVALID_PATH, "give an absolute path inside " + confinement.roots());
            }
            if (confinement.resolve(path, access) instanceof PathResolution.Refused refused) {
              return Verdict.deny(refused.code(), refused.failure().message());
            }
          }
          return Verdict.allow();
        });
  }

  static List<String> pathArguments(JsonValue arguments) {
    List<String> paths = new ArrayList<>();
    for (String name : List.of("path", "source", "destination")) {
      arguments.get(name).flatMap(JsonValue::asString).ifPresent(paths::add);
    }
    JsonNode many = arguments.toNode().path("paths");
    many.values().forEach(path -> paths.add(path.asString()));
    return paths;
  }
  // docs/mcp.md: confinement-example end
}
