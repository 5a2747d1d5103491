package dev.xct.tools.fs.internal;

import dev.xct.core.XctException;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.core.validate.Glob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code fs.find}: finds entries under a directory whose path (relative to that directory) matches
 * a glob; bounded in depth, results and entries examined. Never enters symbolic links or denied
 * paths.
 */
public final class FindTool extends FsTool<FindTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.METADATA, true, ".");
  private static final int DEFAULT_RESULTS = 100;
  private static final int DEFAULT_DEPTH = 20;

  /** The arguments. */
  public record Args(
      @Nullable String path,
      String pattern,
      @Nullable Integer maxDepth,
      @Nullable Integer maxResults) {}

  /** Creates the tool. */
  public FindTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.find")
            .description(
                "Find files and directories under a directory whose relative path matches a glob"
                    + " ('*' within a name, '**' across directories, '?', '{a,b}'; a pattern"
                    + " without '/' matches names at any depth). Case-sensitive.")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false, "required": ["pattern"],
                 "properties": {
                   "path": %s,
                   "pattern": {"type": "string", "minLength": 1, "maxLength": 1024,
                               "description": "Glob such as '**/*.java' or '*.md'."},
                   "maxDepth": {"type": "integer", "minimum": 1, "maximum": %d,
                                "description": "Deepest level searched (default %d)."},
                   "maxResults": {"type": "integer", "minimum": 1, "maximum": %d,
                                  "description": "Most matches returned (default %d)."}
                 }}
                """
                    .formatted(
                        Schemas.PATH,
                        FsConfig.MAX_DEPTH,
                        DEFAULT_DEPTH,
                        fs.maxEntries(),
                        Math.min(DEFAULT_RESULTS, fs.maxEntries())))
            .readOnly(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Glob glob;
    try {
      glob = Glob.forRelativePaths(args.pattern());
    } catch (XctException e) {
      throw invalid("pattern is not a valid glob: " + Refusal.shown(args.pattern()));
    }
    Resolved dir = resolve(PATH, args.path());
    ListTool.requireDirectory(dir, primaryPath(args));
    int depth = ListTool.bounded(args.maxDepth(), DEFAULT_DEPTH, FsConfig.MAX_DEPTH);
    int limit = ListTool.bounded(args.maxResults(), DEFAULT_RESULTS, fs.maxEntries());
    int start = dir.names().size();
    List<Map<String, Object>> matches = new ArrayList<>();
    int[] visited = {0};
    boolean[] truncated = {false};
    try (Dir handle = Dirs.open(dir.root(), dir.names())) {
      Tree.walk(
          handle,
          dir.names(),
          depth,
          (names, attributes, level) -> {
            if (fs.resolver().deny().denied(names, false).isPresent()) {
              return Tree.Next.SKIP;
            }
            if (++visited[0] > fs.maxVisited() || context.isCancelled()) {
              truncated[0] = true;
              return Tree.Next.STOP;
            }
            if (glob.matches(String.join("/", names.subList(start, names.size())))) {
              if (matches.size() >= limit) {
                truncated[0] = true;
                return Tree.Next.STOP;
              }
              matches.add(Entries.describe(dir.root(), names, attributes));
            }
            return Tree.Next.CONTINUE;
          });
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("path", dir.display());
    result.put("pattern", args.pattern());
    result.put("matches", matches);
    result.put("truncated", truncated[0]);
    return result;
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path() == null ? "." : args.path();
  }
}
