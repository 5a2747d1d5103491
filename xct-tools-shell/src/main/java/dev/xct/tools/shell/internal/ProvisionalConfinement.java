package dev.xct.tools.shell.internal;

import dev.xct.core.protocol.Result;
import dev.xct.tools.shell.ShellErrorCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/** Stands in for xct-tools-fs' confinement until it is available. */
final class ProvisionalConfinement implements Confinement {
  private final Path root;

  ProvisionalConfinement(Path root) {
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Resolution resolve(Path base, String path) {
    Path candidate;
    try {
      candidate = base.resolve(path);
    } catch (InvalidPathException e) {
      return outside(path, "not a valid path");
    }
    Path existing = candidate;
    Path rest = existing.getFileSystem().getPath("");
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return outside(path, "not a valid path");
    }
    Path real;
    try {
      real = existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      return outside(path, "cannot be resolved");
    }
    return real.startsWith(root) ? new Inside(real) : outside(path, "leaves the root");
  }

  private static Resolution outside(String path, String why) {
    return new Outside(
        Result.failure(
            ShellErrorCodes.PATH_OUTSIDE_ROOT,
            "path '" + Refusals.shown(path) + "' " + why,
            Map.of("path", Refusals.shown(path))));
  }
}
