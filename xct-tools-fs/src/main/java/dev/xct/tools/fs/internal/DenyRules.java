package dev.xct.tools.fs.internal;

import dev.xct.core.validate.Glob;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether deny globs ({@link Glob#forRelativePaths}) forbid a path. Matching is
 * deliberately broader than any one file system: case-insensitive, after Unicode NFKC
 * normalization, ignoring trailing dots and spaces of names (Windows drops them), and a path is
 * denied when the path or any of its ancestors matches — so denying {@code .git} denies everything
 * inside it, and {@code .ENV} or {@code .env.} cannot slip past {@code .env}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param all globs denied for every access
 * @param writes globs denied for writes only
 */
public record DenyRules(List<Glob> all, List<Glob> writes) {
  /** Copies the lists. */
  public DenyRules {
    all = List.copyOf(all);
    writes = List.copyOf(writes);
  }

  /**
   * Compiles the rules; globs are folded the same way paths are.
   *
   * @throws dev.xct.core.XctException if a glob is malformed; the message quotes it as written
   */
  public static DenyRules compile(List<String> all, List<String> writes) {
    return new DenyRules(
        all.stream().map(DenyRules::glob).toList(), writes.stream().map(DenyRules::glob).toList());
  }

  private static Glob glob(String glob) {
    // Checked as written first, so that an error quotes the glob as configured, not as folded.
    Glob.forRelativePaths(glob);
    return Glob.forRelativePaths(fold(glob));
  }

  /**
   * Returns the first glob that denies {@code names} (a path relative to a root, as names), or
   * empty when none does.
   */
  public Optional<String> denied(List<String> names, boolean write) {
    List<String> prefixes = new ArrayList<>(names.size());
    StringBuilder prefix = new StringBuilder();
    for (String name : names) {
      if (prefix.length() > 0) {
        prefix.append('/');
      }
      prefix.append(foldName(name));
      prefixes.add(prefix.toString());
    }
    for (String candidate : prefixes) {
      Optional<String> hit = firstMatch(all, candidate);
      if (hit.isEmpty() && write) {
        hit = firstMatch(writes, candidate);
      }
      if (hit.isPresent()) {
        return hit;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstMatch(List<Glob> globs, String path) {
    for (Glob glob : globs) {
      if (glob.matches(path)) {
        return Optional.of(glob.glob());
      }
    }
    return Optional.empty();
  }

  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  private static String foldName(String name) {
    String folded = fold(name);
    if (folded.chars().allMatch(c -> c == '.')) {
      return folded;
    }
    int end = folded.length();
    while (end > 0 && (folded.charAt(end - 1) == '.' || folded.charAt(end - 1) == ' ')) {
      end--;
    }
    return folded.substring(0, end);
  }
}
