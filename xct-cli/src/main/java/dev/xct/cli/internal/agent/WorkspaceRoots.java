package dev.xct.cli.internal.agent;

import dev.xct.cli.policy.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the paths a model proposes against the policy's roots and refuses any that lead outside
 * them, by name ({@code ../..}, absolute paths) or through a symbolic link. Relative paths are
 * resolved against the first root. Immutable and thread-safe.
 */
final class WorkspaceRoots {
  /** One root, resolved: its normalised path, its real path and whether it is writable. */
  record Resolved(Path path, Path real, boolean writable) {}

  /** The outcome of resolving one proposed path: the file and the root it lies under. */
  record Target(Path file, Resolved root) {}

  private final List<Resolved> roots;

  private WorkspaceRoots(List<Resolved> roots) {
    this.roots = List.copyOf(roots);
  }

  /** Resolves {@code roots} against {@code workspace}. */
  static WorkspaceRoots of(List<Root> roots, Path workspace) {
    return new WorkspaceRoots(
        roots.stream()
            .map(
                root -> {
                  Path path = root.resolve(workspace);
                  return new Resolved(path, realOrSelf(path), root.writable());
                })
            .toList());
  }

  /** Returns where {@code proposed} leads, or empty when it leaves every root. */
  Optional<Target> resolve(String proposed) {
    if (roots.isEmpty() || proposed.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    Path candidate;
    try {
      Path given = Path.of(proposed);
      candidate = (given.isAbsolute() ? given : roots.get(0).path().resolve(given)).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    for (Resolved root : roots) {
      if (candidate.startsWith(root.path()) && realStaysInside(candidate, root)) {
        return Optional.of(new Target(candidate, root));
      }
    }
    return Optional.empty();
  }

  /** Returns the root-relative form of {@code file}, for results the model reads. */
  String relative(Target target) {
    String relative = target.root().path().relativize(target.file()).toString();
    return relative.isEmpty() ? "." : relative;
  }

  private static boolean realStaysInside(Path candidate, Resolved root) {
    // The deepest part that exists decides where a symbolic link on the way really leads.
    Path existing = candidate;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return false;
    }
    return realOrSelf(existing).startsWith(root.real());
  }

  private static Path realOrSelf(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }
}
