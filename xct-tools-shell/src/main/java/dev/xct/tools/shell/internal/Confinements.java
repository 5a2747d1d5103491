package dev.xct.tools.shell.internal;

import java.nio.file.Path;

/** Creates the root confinement used by the shell tools. Stateless and thread-safe. */
public final class Confinements {
  private Confinements() {}

  /** Returns the confinement to {@code root}, an existing directory. */
  public static Confinement forRoot(Path root) {
    return new ProvisionalConfinement(root);
  }
}
