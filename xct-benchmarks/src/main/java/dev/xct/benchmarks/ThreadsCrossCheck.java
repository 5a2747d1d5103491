package dev.xct.benchmarks;

import dev.xct.core.loop.ExecutionLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cross-checks the platform-to-virtual ratio of {@link ConcurrencyBenchmark} in one JVM: for each
 * count of concurrent runs it alternates platform and virtual batches (swapping which goes first
 * every round), so the host's drift hits both alike, and prints the median time per run of each
 * kind, the median and range of the per-round ratios, and what the same threads cost running
 * nothing (starting and joining them alone). A batch starts the runs together and joins them, as
 * the JMH benchmark does, and repeats that until it has covered at least {@value #RUNS_PER_BATCH}
 * runs. Needs virtual threads (JDK 21+); on 17 it says so and measures nothing.
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.ThreadsCrossCheck [rounds count...]}; the default is {@code 7 1 100 10000}.
 */
public final class ThreadsCrossCheck {
  private static final int RUNS_PER_BATCH = 1000;

  private ThreadsCrossCheck() {}

  /** Runs the cross-check for each count given after the number of rounds. */
  public static void main(String[] args) throws InterruptedException {
    if (!RunThreads.virtualAvailable()) {
      System.out.println(RunThreads.virtualUnavailable());
      return;
    }
    String[] given = args.length > 0 ? args : new String[] {"7", "1", "100", "10000"};
    int rounds = Integer.parseInt(given[0]);
    ThreadFactory platform = RunThreads.factory(RunThreads.PLATFORM);
    ThreadFactory virtual = RunThreads.factory(RunThreads.VIRTUAL);
    ExecutionLoop loop = Fixtures.loop(StepBenchmark.STEPS, true, true);
    System.out.println("Java " + Runtime.version() + ", " + rounds + " rounds");
    System.out.printf(
        "%7s %9s %9s %12s %12s %12s%n",
        "runs", "platform", "virtual", "ratio", "ratio range", "empty p / v");
    for (int a = 1; a < given.length; a++) {
      int runs = Integer.parseInt(given[a]);
      batch(loop, runs, platform); // warm-up: compile the loop and the thread paths
      batch(loop, runs, virtual);
      batch(null, runs, platform);
      batch(null, runs, virtual);
      List<Double> platformTimes = new ArrayList<>();
      List<Double> virtualTimes = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Double> emptyPlatform = new ArrayList<>();
      List<Double> emptyVirtual = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        boolean platformFirst = r % 2 == 0;
        ThreadFactory first = platformFirst ? platform : virtual;
        ThreadFactory second = platformFirst ? virtual : platform;
        double one = batch(loop, runs, first);
        double two = batch(loop, runs, second);
        double p = platformFirst ? one : two;
        double v = platformFirst ? two : one;
        platformTimes.add(p);
        virtualTimes.add(v);
        ratios.add(p / v);
        emptyPlatform.add(batch(null, runs, platform));
        emptyVirtual.add(batch(null, runs, virtual));
      }
      double[] sortedRatios = Rounds.sorted(ratios);
      System.out.printf(
          "%7d %9.3f %9.3f %11.1f× %5.1f–%-5.1f %5.3f/%.3f%n",
          runs,
          Rounds.median(Rounds.sorted(platformTimes)),
          Rounds.median(Rounds.sorted(virtualTimes)),
          Rounds.median(sortedRatios),
          sortedRatios[0],
          sortedRatios[sortedRatios.length - 1],
          Rounds.median(Rounds.sorted(emptyPlatform)),
          Rounds.median(Rounds.sorted(emptyVirtual)));
    }
    System.out.println("(ms per run; \"empty\": the same threads running nothing, no loop)");
  }

  /**
   * Returns milliseconds per run over enough batches of {@code runs} concurrent runs; with a {@code
   * null} loop the threads do nothing, which measures starting and joining them alone.
   */
  private static double batch(ExecutionLoop loop, int runs, ThreadFactory factory)
      throws InterruptedException {
    int repeats = Math.max(1, RUNS_PER_BATCH / runs);
    AtomicInteger steps = new AtomicInteger();
    long start = System.nanoTime();
    for (int r = 0; r < repeats; r++) {
      Thread[] started = new Thread[runs];
      for (int i = 0; i < runs; i++) {
        Runnable run =
            loop == null
                ? () -> steps.addAndGet(StepBenchmark.STEPS)
                : () -> steps.addAndGet(loop.run("t").steps().size());
        started[i] = factory.newThread(run);
        started[i].start();
      }
      for (Thread thread : started) {
        thread.join();
      }
    }
    long took = System.nanoTime() - start;
    int total = repeats * runs;
    Fixtures.check(steps.get() == total * StepBenchmark.STEPS, "every run must finish");
    return took / 1e6 / total;
  }
}
