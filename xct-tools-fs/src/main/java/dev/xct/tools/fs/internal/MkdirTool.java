package dev.xct.tools.fs.internal;

import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code fs.mkdir}: creates a directory, with its parents unless told otherwise; idempotent. */
public final class MkdirTool extends FsTool<MkdirTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.CHANGE, true, null);

  /** The arguments. */
  public record Args(String path, @Nullable Boolean parents) {}

  /** Creates the tool. */
  public MkdirTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.mkdir")
            .description(
                "Create a directory, and missing parents unless parents is false. An existing"
                    + " directory is not an error (created=false).")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false, "required": ["path"],
                 "properties": {
                   "path": %s,
                   "parents": {"type": "boolean", "description": "Create missing parents (default true)."}
                 }}
                """
                    .formatted(Schemas.PATH))
            .idempotent(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Resolved dir = resolve(PATH, args.path());
    if (dir.exists() && !dir.isDirectory()) {
      throw Refusal.of(
          FsErrorCodes.ALREADY_EXISTS,
          "path '" + dir.shown() + "' exists and is not a directory",
          args.path());
    }
    List<List<String>> created =
        Mkdirs.create(
            dir.root(), dir.names(), !Boolean.FALSE.equals(args.parents()), false, args.path());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("path", dir.display());
    result.put("created", !created.isEmpty());
    result.put(
        "createdDirectories",
        created.stream().map(names -> Entries.display(dir.root(), names)).toList());
    return result;
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path();
  }
}
