package dev.xct.core.internal.run;

/**
 * Draws the one line between failures that become data and failures that end the process's
 * business: an error of the JVM itself ({@link VirtualMachineError}: out of memory, stack overflow,
 * an internal error) escapes a run; anything else a tool, a model client or a listener throws,
 * checked, unchecked or another {@link Error} such as {@link AssertionError}, is caught and
 * recorded. Stateless.
 */
final class Fatal {
  private Fatal() {}

  /** Rethrows {@code failure} if it is a JVM error; returns normally otherwise. */
  static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError error) {
      throw error;
    }
  }
}
