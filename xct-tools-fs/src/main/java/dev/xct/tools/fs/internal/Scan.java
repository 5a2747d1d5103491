package dev.xct.tools.fs.internal;

import dev.xct.tools.fs.FsErrorCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a whole directory tree before a recursive delete or a move touches it: at most {@code
 * maxEntries} entries, at most {@link FsConfig#MAX_DEPTH} levels, nothing a write-deny glob forbids
 * (where it is now, and where a move would put it), and for a move no symbolic links, whose
 * relative targets would change meaning at the new place.
 *
 * @param count the number of entries found below the directory
 */
record Scan(int count) {

  /**
   * Scans {@code target}, a directory in {@code parent}.
   *
   * @param movedTo the names the directory would have after a move, or null for a delete
   * @throws Refusal if the tree may not be deleted or moved
   */
  static Scan of(Dir parent, Resolved target, String raw, List<String> movedTo, FsConfig fs)
      throws IOException {
    int[] count = {0};
    int base = target.names().size();
    DenyRules deny = fs.resolver().deny();
    int max = fs.maxEntries();
    try (Dir dir = parent.open(target.fileName())) {
      Tree.walk(
          dir,
          target.names(),
          FsConfig.MAX_DEPTH,
          (names, attributes, depth) -> {
            if (++count[0] > max) {
              throw Refusal.of(
                  FsErrorCodes.TOO_LARGE,
                  "'" + Refusal.shown(raw) + "' holds more than " + max + " entries",
                  raw,
                  "limit",
                  max);
            }
            if (attributes.isDirectory() && depth >= FsConfig.MAX_DEPTH) {
              throw Refusal.of(
                  FsErrorCodes.TOO_LARGE,
                  "'" + Refusal.shown(raw) + "' is nested deeper than " + FsConfig.MAX_DEPTH,
                  raw);
            }
            if (movedTo != null && attributes.isSymbolicLink()) {
              throw Refusal.of(
                  FsErrorCodes.SYMLINK_NOT_ALLOWED,
                  "'" + Refusal.shown(raw) + "' contains a symbolic link; move it on its own",
                  raw);
            }
            Optional<String> rule = deny.denied(names, true);
            if (rule.isEmpty() && movedTo != null) {
              List<String> after = new ArrayList<>(movedTo);
              after.addAll(names.subList(base, names.size()));
              rule = deny.denied(after, true);
            }
            if (rule.isPresent()) {
              throw Refusal.of(
                  FsErrorCodes.PATH_DENIED,
                  "'"
                      + Refusal.shown(raw)
                      + "' contains a path denied by the rule '"
                      + rule.get()
                      + "'",
                  raw,
                  "rule",
                  rule.get());
            }
            return Tree.Next.CONTINUE;
          });
    }
    return new Scan(count[0]);
  }
}
