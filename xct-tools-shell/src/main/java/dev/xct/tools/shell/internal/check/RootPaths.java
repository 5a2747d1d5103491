package dev.xct.tools.shell.internal.check;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.tools.fs.PathAccess;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.PathResolution;
import dev.xct.tools.shell.internal.profile.Profile;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Confines the paths a command is given with {@code xct-tools-fs}, relative to the working
 * directory, and for programs that open some of them relative to a directory above it (git: the top
 * of the work tree; tar: the directory of a {@code -C}), from every directory between the working
 * one and its root: a relative path's reach depends only on how deep it starts, so one that stays
 * inside from each of them stays inside from any of them. Immutable and thread-safe.
 */
final class RootPaths {
  private final PathConfinement confinement;

  RootPaths(PathConfinement confinement) {
    this.confinement = confinement;
  }

  /** Returns the check for one program's arguments. */
  PathCheck forProgram(
      PathResolution.Allowed directory, PathAccess access, Profile.Ancestors ancestors) {
    if (ancestors == Profile.Ancestors.NONE) {
      return (path, index, optionValue) -> check(directory, path, access, index);
    }
    boolean operands = ancestors == Profile.Ancestors.ALL;
    return (path, index, optionValue) -> {
      Optional<Result.Failure> failure = check(directory, path, access, index);
      if (failure.isPresent() || !(optionValue || operands) || path.startsWith("/")) {
        return failure;
      }
      Path base = directory.resolved();
      while (!base.equals(directory.root())) {
        base = base.getParent();
        failure = check(new PathResolution.Allowed(base, directory.root()), path, access, index);
        if (failure.isPresent()) {
          return failure;
        }
      }
      return Optional.empty();
    };
  }

  private Optional<Result.Failure> check(
      PathResolution.Allowed directory, String path, PathAccess access, int index) {
    PathResolution resolution = confinement.resolveFrom(directory, path, access);
    if (resolution instanceof PathResolution.Refused refused) {
      ObjectNode details = (ObjectNode) refused.failure().details().toNode();
      details.put("index", index);
      return Optional.of(
          new Result.Failure(
              refused.failure().code(),
              "argument " + index + ": " + refused.failure().message(),
              JsonValue.of(details)));
    }
    return Optional.empty();
  }
}
