package dev.xct.tools.fs.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the parts of previews that the changing tools share. */
final class Previews {
  private Previews() {}

  /** Returns {tool, path, resolved, root}: the approver sees where the change would really land. */
  static Map<String, Object> header(String tool, Resolved file) {
    Map<String, Object> preview = new LinkedHashMap<>();
    preview.put("tool", tool);
    preview.put("path", file.display());
    preview.put("resolved", file.real().toString());
    preview.put("root", file.root().real().toString());
    return preview;
  }

  /**
   * Returns the current text of an existing file for a diff, or null when it is binary or larger
   * than the read cap.
   */
  static String currentText(Resolved file, FsConfig fs, String raw) throws IOException {
    try (Dir dir = Dirs.open(file.root(), file.parentNames())) {
      return Content.textOrNull(Content.read(dir, file.fileName(), fs.maxReadBytes(), raw));
    } catch (Refusal refusal) {
      return null;
    }
  }

  /** Adds a bounded unified diff, or a note saying why there is none. */
  static void putDiff(
      Map<String, Object> preview, String before, String after, String label, FsConfig fs) {
    if (before == null) {
      preview.put("diff", null);
      preview.put("note", "the current content is binary or too large to show");
      return;
    }
    UnifiedDiff.Rendered diff = UnifiedDiff.of(before, after, label, fs.maxDiffChars());
    preview.put("diff", diff.text());
    preview.put("diffTruncated", diff.truncated());
  }
}
