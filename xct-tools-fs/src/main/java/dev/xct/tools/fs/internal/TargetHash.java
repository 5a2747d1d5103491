package dev.xct.tools.fs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adds what a change would act on to a fingerprint: nothing there, a file's whole content, or a
 * directory's entries (path, type, size, modification time, each file's content unread). A delete
 * or an overwrite approved against one state of the target is void once the target differs.
 * Stateless.
 */
final class TargetHash {
  /** Entries of a directory beyond which only their count is added. */
  private static final int MAX_ENTRIES = 100_000;

  private TargetHash() {}

  /** Adds {@code target}'s present state to {@code sha}. */
  static void add(MessageDigest sha, Resolved target) throws IOException {
    if (!target.exists()) {
      text(sha, "absent");
    } else if (target.isRegularFile()) {
      text(sha, "file ");
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = Files.newInputStream(target.real(), LinkOption.NOFOLLOW_LINKS)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sha.update(buffer, 0, n);
        }
      }
    } else if (target.isDirectory()) {
      text(sha, "directory");
      List<String> entries = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(target.real())) {
        walk.limit(MAX_ENTRIES).forEach(path -> entries.add(entry(target.real(), path)));
      }
      entries.sort(null);
      entries.forEach(entry -> text(sha, entry));
    } else {
      text(sha, "other " + describe(target.attributes()));
    }
  }

  private static String entry(Path root, Path path) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return "\n" + root.relativize(path) + " " + describe(attributes);
    } catch (IOException e) {
      return "\n" + root.relativize(path) + " unreadable";
    }
  }

  private static String describe(BasicFileAttributes attributes) {
    return Entries.type(attributes) + " " + attributes.size() + " " + attributes.lastModifiedTime();
  }

  private static void text(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
  }
}
