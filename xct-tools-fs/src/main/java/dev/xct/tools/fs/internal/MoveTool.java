package dev.xct.tools.fs.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code fs.move}: renames a file or directory atomically; both ends inside writable roots, no
 * overwrite unless asked (and then only of a regular file). Symbolic links are not moved, nor
 * directories containing them: a relative link means something else at its new place.
 */
public final class MoveTool extends FsTool<MoveTool.Args> {
  private static final PathArgument SOURCE =
      new PathArgument("source", PathUse.CHANGE, false, null);
  private static final PathArgument DESTINATION =
      new PathArgument("destination", PathUse.CHANGE, false, null);

  /** The arguments. */
  public record Args(String source, String destination, @Nullable Boolean overwrite) {}

  /** Creates the tool. */
  public MoveTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.move")
            .description(
                "Move or rename a file or directory (both paths inside the workspace, same file"
                    + " system). An existing destination is an error unless overwrite is true, and"
                    + " only a regular file can be overwritten.")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false,
                 "required": ["source", "destination"],
                 "properties": {
                   "source": %s,
                   "destination": %s,
                   "overwrite": {"type": "boolean", "description": "Replace an existing file (default false)."}
                 }}
                """
                    .formatted(Schemas.PATH, Schemas.PATH))
            .destructive(),
        Args.class,
        List.of(SOURCE, DESTINATION));
  }

  @Override
  protected void precheckMore(JsonValue arguments, List<Resolved> resolved) {
    boolean overwrite =
        arguments.get("overwrite").map(v -> v.toJson().equals("true")).orElse(false);
    check(
        resolved.get(0),
        resolved.get(1),
        overwrite,
        resolved.get(0).shown(),
        resolved.get(1).shown());
  }

  private void check(
      Resolved source, Resolved destination, boolean overwrite, String rawSource, String rawDest) {
    DeleteTool.refuseRoots(source, fs, rawSource);
    if (destination.isRoot()) {
      throw Refusal.of(FsErrorCodes.PATH_DENIED, "the destination is a root", rawDest);
    }
    if (!source.exists()) {
      throw IoErrors.notFound(rawSource);
    }
    if (source.isSymbolicLink()) {
      throw Refusal.of(
          FsErrorCodes.SYMLINK_NOT_ALLOWED,
          "'" + source.shown() + "' is a symbolic link; links are not moved",
          rawSource);
    }
    if (!source.real().equals(destination.real()) && destination.real().startsWith(source.real())) {
      throw Refusal.of(
          FsErrorCodes.INVALID_PATH, "a directory cannot be moved into itself", rawDest);
    }
    if (destination.exists() && !source.real().equals(destination.real())) {
      if (!overwrite) {
        throw Refusal.of(
            FsErrorCodes.ALREADY_EXISTS,
            "destination '" + destination.shown() + "' exists; set overwrite to replace it",
            rawDest);
      }
      if (!destination.isRegularFile() || source.isDirectory()) {
        throw Refusal.of(
            FsErrorCodes.ALREADY_EXISTS,
            "destination '" + destination.shown() + "' exists and only a file can replace a file",
            rawDest);
      }
    }
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Resolved source = resolve(SOURCE, args.source());
    Resolved destination = resolve(DESTINATION, args.destination());
    boolean overwrite = Boolean.TRUE.equals(args.overwrite());
    check(source, destination, overwrite, args.source(), args.destination());
    boolean replaced = false;
    try (Dir from = Dirs.open(source.root(), source.parentNames());
        Dir to = WriteTool.openParent(destination, args.destination())) {
      BasicFileAttributes now = from.lstat(source.fileName());
      if (!Objects.equals(now.fileKey(), source.attributes().fileKey()) || now.isSymbolicLink()) {
        throw Refusal.of(
            FsErrorCodes.CONFLICT, "'" + source.shown() + "' changed while in use", args.source());
      }
      if (now.isDirectory()) {
        Scan.of(from, source, args.source(), destination.names(), fs);
      }
      if (!source.real().equals(destination.real())) {
        BasicFileAttributes existing = Mkdirs.lstatOrNull(to, destination.fileName());
        if (existing != null && (!overwrite || !existing.isRegularFile())) {
          throw Refusal.of(
              FsErrorCodes.ALREADY_EXISTS,
              "destination '" + destination.shown() + "' exists",
              args.destination());
        }
        replaced = existing != null;
        from.move(source.fileName(), to, destination.fileName());
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("source", source.display());
      result.put("destination", destination.display());
      result.put("type", Entries.type(now));
      result.put("replaced", replaced);
      return result;
    }
  }

  @Override
  protected Map<String, Object> describe(Args args) throws IOException {
    Resolved source = resolve(SOURCE, args.source());
    Resolved destination = resolve(DESTINATION, args.destination());
    check(
        source,
        destination,
        Boolean.TRUE.equals(args.overwrite()),
        args.source(),
        args.destination());
    Map<String, Object> preview = Previews.header("fs.move", source);
    preview.put("destination", destination.display());
    preview.put("resolvedDestination", destination.real().toString());
    preview.put("type", Entries.type(source.attributes()));
    preview.put("replaces", destination.exists() && !source.real().equals(destination.real()));
    return preview;
  }

  @Override
  protected String primaryPath(Args args) {
    return args.source();
  }

  @Override
  protected List<String> paths(Args args) {
    return List.of(args.source(), args.destination());
  }
}
