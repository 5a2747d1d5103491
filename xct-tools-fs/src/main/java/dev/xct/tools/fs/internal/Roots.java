package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Knows which configured root a path belongs to: by name, for an absolute path as the model wrote
 * it (a root's configured or real path as a prefix), and by real path, for where a walk really
 * ended (the most specific root that contains it). A path that belongs to none is refused with
 * {@code PATH_OUTSIDE_ROOT}.
 *
 * <p>Immutable and thread-safe.
 */
final class Roots {
  private final List<Root> all;

  /** Holds {@code roots}; the first is the primary one. */
  Roots(List<Root> roots) {
    this.all = List.copyOf(roots);
  }

  /** The root an absolute path names, and how many of its leading names the root's path covers. */
  record Named(Root root, int prefixNames) {}

  /** Returns the roots in configuration order. */
  List<Root> all() {
    return all;
  }

  /** Returns the root relative paths resolve against. */
  Root primary() {
    return all.get(0);
  }

  /** Returns the root whose configured or real path is the longest prefix of {@code names}. */
  Optional<Named> naming(List<String> names) {
    Named best = null;
    for (Root root : all) {
      for (Path prefix : List.of(root.given(), root.real())) {
        int count = prefix.getNameCount();
        if ((best == null || count > best.prefixNames()) && startsWith(names, prefix)) {
          best = new Named(root, count);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Returns the most specific root whose real path contains {@code real}. */
  Optional<Root> holding(Path real) {
    Root best = null;
    for (Root root : all) {
      if (root.contains(real)
          && (best == null || root.real().getNameCount() > best.real().getNameCount())) {
        best = root;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Returns the refusal for a path that resolves outside every root. */
  static Refusal outside(String raw) {
    return Refusal.of(
        FsErrorCodes.PATH_OUTSIDE_ROOT,
        "path '" + Refusal.shown(raw) + "' resolves outside the allowed roots",
        raw);
  }

  private static boolean startsWith(List<String> names, Path prefix) {
    if (names.size() < prefix.getNameCount()) {
      return false;
    }
    for (int i = 0; i < prefix.getNameCount(); i++) {
      if (!prefix.getName(i).toString().equals(names.get(i))) {
        return false;
      }
    }
    return true;
  }
}
