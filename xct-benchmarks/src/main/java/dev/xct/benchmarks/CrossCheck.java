package dev.xct.benchmarks;

import dev.xct.core.loop.ExecutionLoop;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntSupplier;

/**
 * Cross-checks the per-step ratios in one JVM: every variant runs in short alternating batches, and
 * each round is divided by the floor measured in the same round, so the host's drift cancels out.
 * Prints the median, min and max ratio per variant and the allocation per step (this thread only).
 * On JDK 21 and later it also runs the loop on virtual threads (inline, and with its default
 * threaded tools, which a run on a virtual thread hands to virtual threads); their allocation is
 * not counted, since it happens on the virtual threads.
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.CrossCheck [rounds] [batchMillis]}.
 */
public final class CrossCheck {
  private static final String REPLY = Fixtures.REPLY;

  /** Runs per virtual thread in the on-virtual variants. */
  private static final int ON_VIRTUAL = 50;

  private CrossCheck() {}

  /** Runs the cross-check. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 40) * 1_000_000L;
    Floor floor = new Floor();
    Peers peers = new Peers();
    XctDispatch dispatch = new XctDispatch();
    int steps = StepBenchmark.STEPS;
    ExecutionLoop inline = Fixtures.loop(steps, true, true);
    ExecutionLoop inlinePlain = Fixtures.loop(steps, true, false);
    ExecutionLoop threaded = Fixtures.loop(steps, false, true);
    ExecutionLoop threadedPlain = Fixtures.loop(steps, false, false);
    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put("floor", new Variant(1, () -> floor.step(Fixtures.REPLY).length()));
    variants.put("langchain4j", new Variant(1, () -> peers.langChain4j().length()));
    variants.put("springAi", new Variant(1, () -> peers.springAi().length()));
    variants.put(
        "xctDispatch", new Variant(1, () -> dispatch.dispatch(Fixtures.ARGUMENTS).length()));
    variants.put(
        "langchain4jFromReply", new Variant(1, () -> peers.langChain4jFromReply(REPLY).length()));
    variants.put(
        "springAiFromReply", new Variant(1, () -> peers.springAiFromReply(REPLY).length()));
    variants.put("xctInline", new Variant(steps, () -> inline.run("t").steps().size()));
    variants.put(
        "xctInlinePlainRenderer", new Variant(steps, () -> inlinePlain.run("t").steps().size()));
    variants.put("xctThreaded", new Variant(steps, () -> threaded.run("t").steps().size()));
    variants.put(
        "xctThreadedPlainRenderer",
        new Variant(steps, () -> threadedPlain.run("t").steps().size()));
    ExecutionLoop threadedModel = Fixtures.loop(steps, false, true, Fixtures.blockingModel());
    variants.put(
        "xctThreadedModelToo", new Variant(steps, () -> threadedModel.run("t").steps().size()));
    if (RunThreads.virtualAvailable()) {
      // Runs on a virtual thread, as a server on virtual threads runs them: one thread per batch of
      // runs, so that starting it and waking this thread cost next to nothing per step.
      ThreadFactory virtual = RunThreads.factory(RunThreads.VIRTUAL);
      variants.put(
          "xctInlineOnVirtual",
          new Variant(steps * ON_VIRTUAL, () -> onThread(virtual, inline, ON_VIRTUAL)));
      variants.put(
          "xctThreadedOnVirtual",
          new Variant(steps * ON_VIRTUAL, () -> onThread(virtual, threaded, ON_VIRTUAL)));
    } else {
      System.out.println(RunThreads.virtualUnavailable());
    }
    for (int warm = 0; warm < 3; warm++) {
      for (Variant v : variants.values()) {
        v.calibrate(batchNanos * 10);
      }
    }
    for (Variant v : variants.values()) {
      v.calibrate(batchNanos);
    }
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    Map<String, List<Double>> bytes = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      double base = 0;
      for (Map.Entry<String, Variant> e : variants.entrySet()) {
        double[] m = e.getValue().batch();
        if (e.getKey().equals("floor")) {
          base = m[0];
        }
        ratios.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(m[0] / base);
        nanos.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(m[0]);
        bytes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(m[1]);
      }
    }
    System.out.printf(
        "%-26s %10s %8s %8s %8s %10s%n", "variant", "ns/step", "ratio", "min", "max", "B/step");
    for (String name : variants.keySet()) {
      double[] rs = Rounds.sorted(ratios.get(name));
      System.out.printf(
          "%-26s %10.0f %8.2f %8.2f %8.2f %10.0f%n",
          name,
          Rounds.median(Rounds.sorted(nanos.get(name))),
          Rounds.median(rs),
          rs[0],
          rs[rs.length - 1],
          Rounds.median(Rounds.sorted(bytes.get(name))));
    }
  }

  /** Runs {@code runs} runs of {@code loop} one after another on one new thread; their steps. */
  private static int onThread(ThreadFactory threads, ExecutionLoop loop, int runs) {
    int[] steps = new int[1];
    Thread thread =
        threads.newThread(
            () -> {
              for (int i = 0; i < runs; i++) {
                steps[0] += loop.run("t").steps().size();
              }
            });
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return steps[0];
  }

  /** One path, run in batches; {@code steps} steps per call. */
  private static final class Variant {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final int steps;
    private final IntSupplier call;
    private int calls = 1;
    private long sink;

    Variant(int steps, IntSupplier call) {
      this.steps = steps;
      this.call = call;
    }

    void calibrate(long batchNanos) {
      long start = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - start < batchNanos) {
        sink += call.getAsInt();
        n++;
      }
      calls = Math.max(1, n);
    }

    /** Returns nanoseconds and bytes per step for one batch. */
    double[] batch() {
      long id = Thread.currentThread().getId();
      long bytes0 = THREADS.getThreadAllocatedBytes(id);
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        sink += call.getAsInt();
      }
      long took = System.nanoTime() - start;
      long bytes = THREADS.getThreadAllocatedBytes(id) - bytes0;
      double perStep = (double) calls * steps;
      if (sink == 42) {
        System.out.print("");
      }
      return new double[] {took / perStep, bytes / perStep};
    }
  }
}
