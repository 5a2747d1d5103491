package dev.xct.tools.fs.internal;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes files for results: type, size and modification time, with a path the model can reuse.
 */
public final class Entries {
  private Entries() {}

  /** Returns the type name: file, directory, symlink or other. */
  public static String type(BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return "symlink";
    }
    if (attributes.isDirectory()) {
      return "directory";
    }
    return attributes.isRegularFile() ? "file" : "other";
  }

  /** Returns the path of {@code names} in {@code root} as the tools report it. */
  public static String display(Root root, List<String> names) {
    return root.display(root.real().resolve(String.join("/", names)).normalize());
  }

  /** Returns {@code {path, type, size, modified}} for one entry. */
  public static Map<String, Object> describe(
      Root root, List<String> names, BasicFileAttributes attributes) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("path", display(root, names));
    entry.put("type", type(attributes));
    entry.put("size", attributes.isDirectory() ? 0 : attributes.size());
    entry.put("modified", attributes.lastModifiedTime().toInstant().toString());
    return entry;
  }
}
