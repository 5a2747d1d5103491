package dev.xct.benchmarks;

import dev.xct.core.loop.ExecutionLoop;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures many runs on one loop: {@code runs} concurrent runs of {@value StepBenchmark#STEPS}
 * steps, each on its own thread, started together and joined. The score is the time for the whole
 * batch; divide by {@code runs} for the cost per run. {@code threads} picks platform threads or
 * virtual threads; on a JDK without virtual threads (17) the virtual variant fails its setup with a
 * message saying so and JMH goes on with the next one (or pass {@code -p threads=platform}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ConcurrencyBenchmark {
  /** Concurrent runs per batch. */
  @Param({"1", "100", "10000"})
  public int runs;

  /** The kind of thread each run gets: {@code platform} or {@code virtual} (JDK 21+). */
  @Param({RunThreads.PLATFORM, RunThreads.VIRTUAL})
  public String threads;

  private ExecutionLoop loop;
  private ThreadFactory factory;

  /**
   * Builds the shared loop.
   *
   * @throws UnsupportedOperationException for {@code virtual} on a JDK without virtual threads
   */
  @Setup
  public void setUp() {
    factory = RunThreads.factory(threads);
    loop = Fixtures.loop(StepBenchmark.STEPS, true, true);
  }

  /** Starts {@code runs} runs on their own threads and waits for all of them. */
  @Benchmark
  public int concurrentRuns() throws InterruptedException {
    AtomicInteger steps = new AtomicInteger();
    Thread[] started = new Thread[runs];
    for (int i = 0; i < runs; i++) {
      started[i] = factory.newThread(() -> steps.addAndGet(loop.run("t").steps().size()));
      started[i].start();
    }
    for (Thread thread : started) {
      thread.join();
    }
    Fixtures.check(steps.get() == runs * StepBenchmark.STEPS, "every run must finish");
    return steps.get();
  }
}
