package dev.xct.tools.fs.internal;

import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code fs.edit}: replaces exactly one occurrence of a string in a text file, atomically. Zero or
 * several occurrences are errors that say which, so the model can widen the string.
 */
public final class EditTool extends FsTool<EditTool.Args> {
  private static final PathArgument PATH = new PathArgument("path", PathUse.CHANGE, true, null);
  private static final int MAX_LINES_REPORTED = 20;

  /** The arguments. */
  public record Args(
      String path, String oldText, String newText, @Nullable String expectedSha256) {}

  /** Creates the tool. */
  public EditTool(FsConfig fs) {
    super(
        fs,
        ToolSpec.builder("fs.edit")
            .description(
                "Replace one exact occurrence of oldText with newText in a UTF-8 text file,"
                    + " atomically. oldText must occur exactly once (NO_MATCH or MULTIPLE_MATCHES"
                    + " otherwise; include surrounding lines to make it unique).")
            .inputSchema(
                """
                {"type": "object", "additionalProperties": false,
                 "required": ["path", "oldText", "newText"],
                 "properties": {
                   "path": %s,
                   "oldText": {"type": "string", "minLength": 1,
                               "description": "Exact text to replace, including whitespace."},
                   "newText": {"type": "string", "description": "Replacement text."},
                   "expectedSha256": %s
                 }}
                """
                    .formatted(Schemas.PATH, Schemas.SHA256))
            .destructive(),
        Args.class,
        List.of(PATH));
  }

  @Override
  protected Object run(Args args, ToolContext context) throws IOException {
    Resolved file = resolve(PATH, args.path());
    requireFile(file, args.path());
    try (Dir dir = WriteTool.openParent(file, args.path())) {
      String name = file.fileName();
      byte[] old =
          Content.read(dir, name, Math.max(fs.maxReadBytes(), fs.maxWriteBytes()), args.path());
      if (args.expectedSha256() != null) {
        compareAndSwap(old, args.expectedSha256(), args.path());
      }
      Edit edit = apply(old, args, file.shown());
      byte[] next = edit.text().getBytes(StandardCharsets.UTF_8);
      if (next.length > fs.maxWriteBytes()) {
        throw Content.tooLarge(args.path(), next.length, fs.maxWriteBytes());
      }
      fs.writer()
          .write(
              dir,
              name,
              next,
              dir.permissions(name),
              false,
              () -> unchangedSince(dir, name, old, fs, args.path()),
              args.path());
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("path", file.display());
      result.put("line", edit.line());
      result.put("size", next.length);
      result.put("sha256", Content.sha256(next));
      return result;
    }
  }

  @Override
  protected Map<String, Object> describe(Args args) throws IOException {
    Resolved file = resolve(PATH, args.path());
    requireFile(file, args.path());
    byte[] old;
    try (Dir dir = WriteTool.openParent(file, args.path())) {
      old =
          Content.read(
              dir, file.fileName(), Math.max(fs.maxReadBytes(), fs.maxWriteBytes()), args.path());
    }
    Edit edit = apply(old, args, file.shown());
    Map<String, Object> preview = Previews.header("fs.edit", file);
    preview.put("line", edit.line());
    Previews.putDiff(preview, edit.before(), edit.text(), file.display(), fs);
    return preview;
  }

  private record Edit(String before, String text, int line) {}

  private static Edit apply(byte[] bytes, Args args, String shown) {
    String text = Content.textOrNull(bytes);
    if (text == null) {
      throw Refusal.of(
          FsErrorCodes.BINARY_CONTENT, "file '" + shown + "' is not UTF-8 text", args.path());
    }
    if (args.oldText() == null || args.oldText().isEmpty() || args.newText() == null) {
      throw Refusal.of(
          dev.xct.core.protocol.ErrorCodes.INVALID_ARGUMENTS,
          "oldText must be non-empty and newText present",
          args.path());
    }
    List<Integer> lines = new ArrayList<>();
    int count = 0;
    int first = -1;
    for (int at = text.indexOf(args.oldText());
        at >= 0;
        at = text.indexOf(args.oldText(), at + 1)) {
      if (count++ == 0) {
        first = at;
      }
      if (lines.size() < MAX_LINES_REPORTED) {
        lines.add(lineOf(text, at));
      }
    }
    if (count == 0) {
      throw Refusal.of(
          FsErrorCodes.NO_MATCH,
          "oldText does not occur in '" + shown + "'; read the file and copy the text exactly",
          args.path());
    }
    if (count > 1) {
      throw Refusal.of(
          FsErrorCodes.MULTIPLE_MATCHES,
          "oldText occurs "
              + count
              + " times in '"
              + shown
              + "' (at lines "
              + lines
              + "); include more surrounding text so that it occurs once",
          args.path(),
          "count",
          count,
          "lines",
          lines);
    }
    String replaced =
        text.substring(0, first) + args.newText() + text.substring(first + args.oldText().length());
    return new Edit(text, replaced, lineOf(text, first));
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static void requireFile(Resolved file, String raw) {
    if (!file.exists()) {
      throw IoErrors.notFound(raw);
    }
    if (!file.isRegularFile()) {
      throw Content.notAFile(raw, file.attributes());
    }
  }

  /** Refuses with {@code CONFLICT} unless {@code current} hashes to {@code expectedSha256}. */
  static void compareAndSwap(byte[] current, String expectedSha256, String raw) {
    if (current == null) {
      throw Refusal.of(
          FsErrorCodes.CONFLICT,
          "expectedSha256 was given but '" + Refusal.shown(raw) + "' does not exist",
          raw,
          "expectedSha256",
          expectedSha256);
    }
    String actual = Content.sha256(current);
    if (!actual.equals(expectedSha256)) {
      throw Refusal.of(
          FsErrorCodes.CONFLICT,
          "'" + Refusal.shown(raw) + "' has changed: its SHA-256 is not the expected one",
          raw,
          "expectedSha256",
          expectedSha256,
          "actualSha256",
          actual);
    }
  }

  /** Refuses with {@code CONFLICT} if the file no longer holds {@code expected}. */
  static void unchangedSince(Dir dir, String name, byte[] expected, FsConfig fs, String raw)
      throws IOException {
    byte[] now = Content.read(dir, name, Math.max(fs.maxReadBytes(), fs.maxWriteBytes()), raw);
    if (!Arrays.equals(now, expected)) {
      throw Refusal.of(
          FsErrorCodes.CONFLICT,
          "'" + Refusal.shown(raw) + "' changed while it was being edited; nothing was written",
          raw);
    }
  }

  @Override
  protected String primaryPath(Args args) {
    return args.path();
  }
}
