package dev.xct.tools.fs.internal;

import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code fs.list}: lists a directory, one level or recursively, bounded in depth and entries.
 * Symbolic links are listed, never entered; entries a deny glob forbids are left out.
 */
public final class ListTool extends FsTool<ListTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.METADATA, true, ".");
  private static final int DEFAULT_ENTRIES = 200;
  private static final int DEFAULT_DEPTH = 10;

  /** The arguments. */
  public record Args(
      @Nullable String path,
      @Nullable Boolean recursive,
      @Nullable Integer maxDepth,
      @Nullable Integer maxEntries) {}

  /** Creates the tool. */
  public ListTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.list")
            .description(
                "List a directory's entries with type, size and modification time; recursively"
                    + " if asked. Symbolic links are listed but not entered.")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false,
                 "properties": {
                   "path": %s,
                   "recursive": {"type": "boolean", "description": "Descend into subdirectories (default false)."},
                   "maxDepth": {"type": "integer", "minimum": 1, "maximum": %d,
                                "description": "Deepest level listed when recursive (default %d)."},
                   "maxEntries": {"type": "integer", "minimum": 1, "maximum": %d,
                                  "description": "Most entries returned (default %d)."}
                 }}
                """
                    .formatted(
                        Schemas.PATH,
                        FsConfig.MAX_DEPTH,
                        DEFAULT_DEPTH,
                        fs.maxEntries(),
                        Math.min(DEFAULT_ENTRIES, fs.maxEntries())))
            .readOnly(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Resolved dir = resolve(PATH, args.path());
    requireDirectory(dir, args.path());
    boolean recursive = Boolean.TRUE.equals(args.recursive());
    int depth = recursive ? bounded(args.maxDepth(), DEFAULT_DEPTH, FsConfig.MAX_DEPTH) : 1;
    int limit = bounded(args.maxEntries(), DEFAULT_ENTRIES, fs.maxEntries());
    List<Map<String, Object>> entries = new ArrayList<>();
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
            if (entries.size() >= limit || context.isCancelled()) {
              truncated[0] = true;
              return Tree.Next.STOP;
            }
            entries.add(Entries.describe(dir.root(), names, attributes));
            return Tree.Next.CONTINUE;
          });
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("path", dir.display());
    result.put("entries", entries);
    result.put("truncated", truncated[0]);
    return result;
  }

  /** Refuses a path that is missing or not a directory. */
  static void requireDirectory(Resolved dir, String raw) {
    if (!dir.exists()) {
      throw IoErrors.notFound(raw);
    }
    if (!dir.isDirectory()) {
      throw Refusal.of(
          FsErrorCodes.NOT_A_DIRECTORY, "path '" + dir.shown() + "' is not a directory", raw);
    }
  }

  static int bounded(Integer requested, int fallback, int max) {
    int value = requested == null ? fallback : requested;
    return Math.max(1, Math.min(value, max));
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path() == null ? "." : args.path();
  }
}
