package dev.xct.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Hands {@link BuildsCrossCheck} the per-step variants of one build. Loaded once into each build's
 * class loader, next to that build's own {@link Fixtures} and {@link Floor}, so it uses only what
 * every build's benchmarks have had: {@code Fixtures.loop(int, boolean, boolean)}, {@code
 * Floor.step} and {@code Fixtures.REPLY}. It calls the loop through method handles, because the
 * loop's class has moved between builds ({@code dev.xct.core.ExecutionLoop}, then {@code
 * dev.xct.core.loop.ExecutionLoop}). Thread-safe once made.
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
        return runs(steps, true, false);
      case "dflt":
        return runs(steps, true, true);
      case "threaded":
        return runs(steps, false, false);
      case "threadedDflt":
        return runs(steps, false, true);
      default:
        throw new IllegalArgumentException("no variant '" + name + "'; there are " + NAMES);
    }
  }

  /** Returns runs of {@code Fixtures.loop(steps, inline, defaultRenderer)}: their step counts. */
  private static IntSupplier runs(int steps, boolean inline, boolean defaultRenderer) {
    MethodHandle run;
    try {
      Method loop =
          Fixtures.class.getDeclaredMethod("loop", int.class, boolean.class, boolean.class);
      Object built = loop.invoke(null, steps, inline, defaultRenderer);
      Class<?> result = built.getClass().getMethod("run", String.class).getReturnType();
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      MethodHandle runs =
          lookup.findVirtual(built.getClass(), "run", MethodType.methodType(result, String.class));
      MethodHandle transcript =
          lookup.findVirtual(result, "steps", MethodType.methodType(List.class));
      run =
          MethodHandles.filterReturnValue(runs.bindTo(built), transcript)
              .asType(MethodType.methodType(List.class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this build's Fixtures.loop cannot be called", e);
    }
    return () -> {
      try {
        return ((List<?>) run.invokeExact("t")).size();
      } catch (Throwable e) { // NOPMD: invokeExact declares Throwable
        throw new IllegalStateException(e);
      }
    };
  }
}
