package dev.xct.tools.fs.internal;

import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code fs.stat}: says whether a path exists and what it is; a missing path is not an error. */
public final class StatTool extends FsTool<StatTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.METADATA, true, null);

  /** The arguments. */
  public record Args(String path) {}

  /** Creates the tool. */
  public StatTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.stat")
            .description(
                "Tell whether a path exists and describe it: type, size, modification time,"
                    + " permissions. A missing path returns exists=false.")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false, "required": ["path"],
                 "properties": {"path": %s}}
                """
                    .formatted(Schemas.PATH))
            .readOnly(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Resolved target = resolve(PATH, args.path());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("path", target.display());
    result.put("exists", target.exists());
    if (!target.exists()) {
      return result;
    }
    result.putAll(Entries.describe(target.root(), target.names(), target.attributes()));
    result.put("path", target.display());
    if (target.real().getFileSystem().supportedFileAttributeViews().contains("posix")) {
      PosixFileAttributes posix =
          Files.readAttributes(target.real(), PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      result.put("permissions", PosixFilePermissions.toString(posix.permissions()));
    }
    if (target.isRegularFile()) {
      result.put("links", Resolver.linkCount(target.real()));
    }
    return result;
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path();
  }
}
