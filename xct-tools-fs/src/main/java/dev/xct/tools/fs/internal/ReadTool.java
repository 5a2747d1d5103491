package dev.xct.tools.fs.internal;

import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code fs.read}: returns a text file's lines (or any file as base64), bounded in size. */
public final class ReadTool extends FsTool<ReadTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.CONTENT, true, null);

  /** The arguments. */
  public record Args(
      String path, @Nullable Integer offset, @Nullable Integer limit, @Nullable String encoding) {}

  /** Creates the tool. */
  public ReadTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.read")
            .description(
                "Read a UTF-8 text file, optionally a range of lines. Binary files are refused"
                    + " with BINARY_CONTENT unless encoding is 'base64'. Files larger than "
                    + fs.maxReadBytes()
                    + " bytes are refused with TOO_LARGE.")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false, "required": ["path"],
                 "properties": {
                   "path": %s,
                   "offset": {"type": "integer", "minimum": 1,
                              "description": "First line to return, 1-based (default 1)."},
                   "limit": {"type": "integer", "minimum": 1,
                             "description": "Most lines to return (default: all)."},
                   "encoding": {"enum": ["text", "base64"],
                                "description": "'text' (default) or 'base64' for binary files."}
                 }}
                """
                    .formatted(Schemas.PATH))
            .readOnly(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Resolved file = resolve(PATH, args.path());
    if (!file.exists()) {
      throw IoErrors.notFound(args.path());
    }
    if (file.isRoot() || file.isDirectory()) {
      throw Refusal.of(
          FsErrorCodes.NOT_A_FILE,
          "path '" + file.shown() + "' is a directory; use fs.list",
          args.path());
    }
    byte[] bytes;
    try (Dir dir = Dirs.open(file.root(), file.parentNames())) {
      bytes = Content.read(dir, file.fileName(), fs.maxReadBytes(), args.path());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("path", file.display());
    if ("base64".equals(args.encoding())) {
      result.put("encoding", "base64");
      result.put("content", Base64.getEncoder().encodeToString(bytes));
    } else {
      String text = Content.textOrNull(bytes);
      if (text == null) {
        throw Refusal.of(
            FsErrorCodes.BINARY_CONTENT,
            "file '" + file.shown() + "' is not UTF-8 text; read it with encoding 'base64'",
            args.path());
      }
      List<String> lines = UnifiedDiff.lines(text);
      int offset = args.offset() == null ? 1 : args.offset();
      int limit = args.limit() == null ? Integer.MAX_VALUE : args.limit();
      if (offset < 1 || limit < 1) {
        throw invalid("offset and limit must be at least 1");
      }
      int from = Math.min(offset - 1, lines.size());
      int to = (int) Math.min((long) from + limit, lines.size());
      result.put("encoding", "text");
      result.put("content", String.join("", lines.subList(from, to)));
      result.put("offset", offset);
      result.put("lineCount", to - from);
      result.put("totalLines", lines.size());
      result.put("truncated", to < lines.size());
    }
    result.put("size", bytes.length);
    result.put("sha256", Content.sha256(bytes));
    return result;
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path();
  }
}
