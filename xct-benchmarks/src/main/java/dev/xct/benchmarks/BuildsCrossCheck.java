package dev.xct.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Compares builds of XCT in one JVM: each build's {@code benchmarks.jar} (as {@code mvn -Pbench}
 * makes it, with its own XCT and dependencies inside) gets a class loader of its own, and the
 * chosen {@link BuildVariants} of every build run in the same interleaved rounds, the order
 * reversed every other round. Prints each variant's median ratio to the first build's floor with
 * its range and the allocation per step of the measuring thread, then, for each variant, the median
 * ratio of each later build's time to the first build's in the same rounds. So a change is measured
 * against its predecessor with the host's drift cancelled out.
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.BuildsCrossCheck rounds batchMillis variants jar...}, for example {@code 21 40
 * floor,plain,dflt,threaded old/benchmarks.jar new/benchmarks.jar}.
 */
public final class BuildsCrossCheck {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private BuildsCrossCheck() {}

  /** Runs the cross-check. */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.out.println(
          "usage: BuildsCrossCheck rounds batchMillis variants jar...; variants of "
              + BuildVariants.NAMES);
      return;
    }
    int rounds = Integer.parseInt(args[0]);
    long batchNanos = Long.parseLong(args[1]) * 1_000_000L;
    String[] names = args[2].split(",");
    Map<String, IntSupplier> variants = new LinkedHashMap<>();
    Map<String, Integer> steps = new LinkedHashMap<>();
    for (int b = 3; b < args.length; b++) {
      ClassLoader build = new BuildLoader(Path.of(args[b]));
      Class<?> type = Class.forName(BuildVariants.class.getName(), true, build);
      for (String name : names) {
        variants.put("B" + (b - 3) + ":" + name, variant(type, name));
        steps.put("B" + (b - 3) + ":" + name, name.equals("floor") ? 1 : StepBenchmark.STEPS);
      }
    }
    Map<String, Integer> calls = new LinkedHashMap<>();
    for (int warm = 0; warm < 4; warm++) {
      for (Map.Entry<String, IntSupplier> v : variants.entrySet()) {
        calls.put(v.getKey(), calibrate(v.getValue(), warm < 3 ? batchNanos * 10 : batchNanos));
      }
    }
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    Map<String, List<Double>> bytes = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(variants.keySet());
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < order.size(); i++) {
        String key = order.get(r % 2 == 0 ? i : order.size() - 1 - i);
        double[] m = batch(variants.get(key), calls.get(key), steps.get(key));
        nanos.computeIfAbsent(key, k -> new ArrayList<>()).add(m[0]);
        bytes.computeIfAbsent(key, k -> new ArrayList<>()).add(m[1]);
      }
    }
    List<Double> floor = nanos.get("B0:floor");
    System.out.printf(
        "%-18s %9s %7s %7s %7s %9s%n", "variant", "ns/step", "ratio", "min", "max", "B/step");
    for (String key : variants.keySet()) {
      double[] ratios = Rounds.sorted(divided(nanos.get(key), floor));
      System.out.printf(
          "%-18s %9.0f %7.2f %7.2f %7.2f %9.0f%n",
          key,
          Rounds.median(Rounds.sorted(nanos.get(key))),
          Rounds.median(ratios),
          ratios[0],
          ratios[ratios.length - 1],
          Rounds.median(Rounds.sorted(bytes.get(key))));
    }
    for (int b = 1; b < args.length - 3; b++) {
      for (String name : names) {
        double[] q =
            Rounds.sorted(divided(nanos.get("B" + b + ":" + name), nanos.get("B0:" + name)));
        System.out.printf(
            "B%d/B0 %-13s %7.3f (%.3f-%.3f)%n", b, name, Rounds.median(q), q[0], q[q.length - 1]);
      }
    }
  }

  private static IntSupplier variant(Class<?> type, String name) throws Exception {
    return (IntSupplier) type.getMethod("variant", String.class).invoke(null, name);
  }

  private static List<Double> divided(List<Double> values, List<Double> by) {
    if (by == null) {
      throw new IllegalArgumentException("the first build's floor is needed: add floor");
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      out.add(values.get(i) / by.get(i));
    }
    return out;
  }

  private static int calibrate(IntSupplier call, long batchNanos) {
    long start = System.nanoTime();
    int n = 0;
    long sink = 0;
    while (System.nanoTime() - start < batchNanos) {
      sink += call.getAsInt();
      n++;
    }
    return sink == 42 ? n + 1 : Math.max(1, n);
  }

  /** Returns nanoseconds and bytes per step for one batch of {@code calls} calls. */
  private static double[] batch(IntSupplier call, int calls, int steps) {
    long id = Thread.currentThread().getId();
    long bytes0 = THREADS.getThreadAllocatedBytes(id);
    long start = System.nanoTime();
    long sink = 0;
    for (int i = 0; i < calls; i++) {
      sink += call.getAsInt();
    }
    long took = System.nanoTime() - start;
    long bytes = THREADS.getThreadAllocatedBytes(id) - bytes0;
    double perStep = (double) calls * steps + (sink == 42 ? 1 : 0);
    return new double[] {took / perStep, bytes / perStep};
  }

  /**
   * Loads one build from its jar, apart from every other build: only the JDK is shared. {@link
   * BuildVariants}, which older builds lack, is defined from this jar's copy of it.
   */
  private static final class BuildLoader extends URLClassLoader {
    BuildLoader(Path jar) throws IOException {
      super(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (!name.equals(BuildVariants.class.getName())) {
        return super.findClass(name);
      }
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = BuildsCrossCheck.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] code = in.readAllBytes();
        return defineClass(name, code, 0, code.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
