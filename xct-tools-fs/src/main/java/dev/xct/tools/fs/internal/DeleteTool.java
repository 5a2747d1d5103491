package dev.xct.tools.fs.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code fs.delete}: removes a file, a symbolic link (never its target) or a directory; a non-empty
 * directory only when {@code recursive} is set. A recursive delete is checked in full first (entry
 * limit, deny globs) and then walks opened directories without ever following a link, so a link
 * planted or swapped in during the walk makes it fail rather than lead outside. A root is never
 * deleted.
 */
public final class DeleteTool extends FsTool<DeleteTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.CHANGE, false, null);

  /** The arguments. */
  public record Args(String path, @Nullable Boolean recursive) {}

  /** Creates the tool. */
  public DeleteTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.delete")
            .description(
                "Delete a file, a symbolic link (not its target) or an empty directory; a"
                    + " non-empty directory only with recursive=true (at most "
                    + fs.maxEntries()
                    + " entries). Roots cannot be deleted.")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false, "required": ["path"],
                 "properties": {
                   "path": %s,
                   "recursive": {"type": "boolean", "description": "Delete a directory with its contents (default false)."}
                 }}
                """
                    .formatted(Schemas.PATH))
            .destructive()
            .idempotent(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected void precheckMore(JsonValue arguments, List<Resolved> resolved) {
    refuseRoots(resolved.get(0), fs, resolved.get(0).shown());
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Resolved target = resolve(PATH, args.path());
    refuseRoots(target, fs, args.path());
    if (!target.exists()) {
      throw IoErrors.notFound(args.path());
    }
    boolean recursive = Boolean.TRUE.equals(args.recursive());
    int[] deleted = {0};
    try (Dir parent = Dirs.open(target.root(), target.parentNames())) {
      String name = target.fileName();
      BasicFileAttributes attributes = parent.lstat(name);
      if (!attributes.isDirectory()) {
        parent.deleteFile(name);
        deleted[0] = 1;
      } else {
        if (recursive) {
          deleted[0] = Scan.of(parent, target, args.path(), null, fs).count();
          try (Dir dir = parent.open(name)) {
            deleteContents(dir, context, args.path());
          }
        }
        parent.deleteDirectory(name);
        deleted[0] = recursive ? deleted[0] + 1 : 1;
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("path", target.display());
      result.put("type", Entries.type(attributes));
      result.put("deleted", deleted[0]);
      return result;
    }
  }

  @Override
  protected Map<String, Object> describe(Args args) throws IOException {
    Resolved target = resolve(PATH, args.path());
    refuseRoots(target, fs, args.path());
    if (!target.exists()) {
      throw IoErrors.notFound(args.path());
    }
    Map<String, Object> preview = Previews.header("fs.delete", target);
    preview.put("type", Entries.type(target.attributes()));
    preview.put("recursive", Boolean.TRUE.equals(args.recursive()));
    if (target.isDirectory() && Boolean.TRUE.equals(args.recursive())) {
      try (Dir parent = Dirs.open(target.root(), target.parentNames())) {
        preview.put("entries", Scan.of(parent, target, args.path(), null, fs).count());
      }
    }
    return preview;
  }

  /** Refuses deleting or moving a root or a directory holding one. */
  static void refuseRoots(Resolved target, FsConfig fs, String raw) {
    boolean holdsRoot =
        fs.resolver().roots().stream().anyMatch(root -> root.real().startsWith(target.real()));
    if (target.isRoot() || holdsRoot) {
      throw Refusal.of(
          FsErrorCodes.PATH_DENIED, "path '" + Refusal.shown(raw) + "' is (or holds) a root", raw);
    }
  }

  private static void deleteContents(Dir dir, ToolContext context, String raw) throws IOException {
    for (String name : dir.list()) {
      if (context.isCancelled()) {
        throw Refusal.of(
            ErrorCodes.CANCELLED,
            "deleting '" + Refusal.shown(raw) + "' was cancelled part-way",
            raw);
      }
      BasicFileAttributes attributes = dir.lstat(name);
      if (attributes.isDirectory()) {
        try (Dir child = dir.open(name)) {
          deleteContents(child, context, raw);
        }
        dir.deleteDirectory(name);
      } else {
        dir.deleteFile(name);
      }
    }
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path();
  }
}
