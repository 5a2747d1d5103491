package dev.xct.benchmarks;

import dev.xct.core.loop.ExecutionLoop;
import java.util.function.IntSupplier;

/**
 * Hands {@link BuildsCrossCheck} the per-step variants of one build. Loaded once into each build's
 * class loader, next to that build's own {@link Fixtures} and {@link Floor}, so it uses only what
 * every build's benchmarks have had: {@code Fixtures.loop(int, boolean, boolean)}, {@code
 * Floor.step} and {@code Fixtures.REPLY}. Thread-safe once made.
 */
public final class BuildVariants {
  /** The variants, each a call that returns the number of steps it took. */
  static final String NAMES = "floor, plain, dflt, threaded, threadedDflt";

  private BuildVariants() {}

  /**
   * Returns the variant {@code name}: the floor, or runs of {@value StepBenchmark#STEPS} steps
   * inline or on the default tool threads, with a constant or the default renderer.
   *
   * @throws IllegalArgumentException if there is no such variant
   */
  public static IntSupplier variant(String name) {
    int steps = StepBenchmark.STEPS;
    switch (name) {
      case "floor":
        Floor floor = new Floor();
        return () -> floor.step(Fixtures.REPLY).length();
      case "plain":
        return runs(Fixtures.loop(steps, true, false));
      case "dflt":
        return runs(Fixtures.loop(steps, true, true));
      case "threaded":
        return runs(Fixtures.loop(steps, false, false));
      case "threadedDflt":
        return runs(Fixtures.loop(steps, false, true));
      default:
        throw new IllegalArgumentException("no variant '" + name + "'; there are " + NAMES);
    }
  }

  private static IntSupplier runs(ExecutionLoop loop) {
    return () -> loop.run("t").steps().size();
  }
}
