package dev.xct.tools.fs.internal;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code fs.write}: creates (default), overwrites or appends to a text file atomically, with an
 * optional compare-and-swap on the current content's SHA-256.
 */
public final class WriteTool extends FsTool<WriteTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.CHANGE, true, null);

  /** The arguments. */
  public record Args(
      String path,
      String content,
      @Nullable String mode,
      @Nullable String expectedSha256,
      @Nullable Boolean createParents) {}

  /** Creates the tool. */
  public WriteTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.write")
            .description(
                "Write a UTF-8 text file atomically (readers and killed processes see the old or"
                    + " the new content, never a mix). mode 'create' (default) refuses an existing file"
                    + " with ALREADY_EXISTS; 'overwrite' replaces; 'append' adds to the end."
                    + " expectedSha256 makes the write conditional on the current content.")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false, "required": ["path", "content"],
                 "properties": {
                   "path": %s,
                   "content": {"type": "string", "description": "The text to write (UTF-8)."},
                   "mode": {"enum": ["create", "overwrite", "append"],
                            "description": "create (default), overwrite or append."},
                   "expectedSha256": %s,
                   "createParents": {"type": "boolean",
                                     "description": "Create missing parent directories (default false)."}
                 }}
                """
                    .formatted(Schemas.PATH, Schemas.SHA256))
            .destructive(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected void precheckMore(JsonValue arguments, List<Resolved> resolved) {
    String content = arguments.get("content").flatMap(JsonValue::asString).orElse("");
    checkSize(content.getBytes(StandardCharsets.UTF_8).length, resolved.get(0).shown());
    if (resolved.get(0).isDirectory()) {
      throw Content.notAFile(resolved.get(0).shown(), resolved.get(0).attributes());
    }
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    byte[] bytes = args.content().getBytes(StandardCharsets.UTF_8);
    checkSize(bytes.length, args.path());
    String mode = args.mode() == null ? "create" : args.mode();
    if (!List.of("create", "overwrite", "append").contains(mode)) {
      throw invalid("mode must be create, overwrite or append");
    }
    Resolved file = resolve(PATH, args.path());
    if (file.isRoot() || file.isDirectory()) {
      throw Content.notAFile(args.path(), file.attributes());
    }
    if (Boolean.TRUE.equals(args.createParents())) {
      Mkdirs.create(file.root(), file.parentNames(), true, fs.durableWrites(), args.path());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    try (Dir dir = openParent(file, args.path())) {
      String name = file.fileName();
      BasicFileAttributes existing = Mkdirs.lstatOrNull(dir, name);
      if (existing != null && !existing.isRegularFile()) {
        throw Content.notAFile(args.path(), existing);
      }
      if (existing != null && mode.equals("create")) {
        throw Refusal.of(
            FsErrorCodes.ALREADY_EXISTS,
            "file '" + file.shown() + "' already exists; use mode 'overwrite' or 'append'",
            args.path());
      }
      byte[] old = null;
      if (existing != null && (mode.equals("append") || args.expectedSha256() != null)) {
        old = Content.read(dir, name, Math.max(fs.maxReadBytes(), fs.maxWriteBytes()), args.path());
      }
      if (args.expectedSha256() != null) {
        EditTool.compareAndSwap(old, args.expectedSha256(), args.path());
      }
      byte[] next = bytes;
      if (mode.equals("append") && old != null) {
        next = new byte[old.length + bytes.length];
        System.arraycopy(old, 0, next, 0, old.length);
        System.arraycopy(bytes, 0, next, old.length, bytes.length);
        checkSize(next.length, args.path());
      }
      byte[] expected = old;
      fs.writer()
          .write(
              dir,
              name,
              next,
              existing instanceof PosixFileAttributes posix ? posix.permissions() : null,
              mode.equals("create"),
              () -> {
                if (expected != null) {
                  EditTool.unchangedSince(dir, name, expected, fs, args.path());
                }
              },
              args.path());
      result.put("path", file.display());
      result.put(
          "outcome",
          existing == null ? "created" : mode.equals("append") ? "appended" : "replaced");
      result.put("bytesWritten", bytes.length);
      result.put("size", next.length);
      result.put("sha256", Content.sha256(next));
    }
    return result;
  }

  @Override
  protected Map<String, Object> describe(Args args) throws IOException {
    String mode = args.mode() == null ? "create" : args.mode();
    Resolved file = resolve(PATH, args.path());
    if (file.isRoot() || file.isDirectory()) {
      throw Content.notAFile(args.path(), file.attributes());
    }
    if (file.exists() && mode.equals("create")) {
      throw Refusal.of(
          FsErrorCodes.ALREADY_EXISTS, "file '" + file.shown() + "' already exists", args.path());
    }
    String before = "";
    if (file.exists()) {
      before = Previews.currentText(file, fs, args.path());
    }
    String after =
        mode.equals("append") && before != null ? before + args.content() : args.content();
    Map<String, Object> preview = Previews.header("fs.write", file);
    preview.put("mode", mode);
    preview.put("action", !file.exists() ? "create" : mode.equals("append") ? "append" : "replace");
    preview.put("bytes", args.content().getBytes(StandardCharsets.UTF_8).length);
    Previews.putDiff(preview, before, after, file.display(), fs);
    return preview;
  }

  private void checkSize(long size, String raw) {
    if (size > fs.maxWriteBytes()) {
      throw Content.tooLarge(raw, size, fs.maxWriteBytes());
    }
  }

  /** Opens the parent directory of {@code file}; {@code NOT_FOUND} if it does not exist. */
  static Dir openParent(Resolved file, String raw) throws IOException {
    try {
      return Dirs.open(file.root(), file.parentNames());
    } catch (NoSuchFileException e) {
      throw Refusal.of(
          FsErrorCodes.NOT_FOUND,
          "the parent directory of '"
              + Refusal.shown(raw)
              + "' does not exist (fs.mkdir it, or set createParents)",
          raw);
    }
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path();
  }
}
