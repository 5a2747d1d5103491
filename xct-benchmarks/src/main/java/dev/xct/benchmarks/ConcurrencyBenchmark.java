package dev.xct.benchmarks;

import dev.xct.core.ExecutionLoop;
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
 * steps, each on its own platform thread (JDK 17 has no virtual threads), started together and
 * joined. The score is the time for the whole batch; divide by {@code runs} for the cost per run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ConcurrencyBenchmark {
  /** Concurrent runs per batch. */
  @Param({"1", "100", "10000"})
  public int runs;

  private ExecutionLoop loop;

  /** Builds the shared loop. */
  @Setup
  public void setUp() {
    loop = Fixtures.loop(StepBenchmark.STEPS, true, true);
  }

  /** Starts {@code runs} runs on their own threads and waits for all of them. */
  @Benchmark
  public int concurrentRuns() throws InterruptedException {
    AtomicInteger steps = new AtomicInteger();
    Thread[] threads = new Thread[runs];
    for (int i = 0; i < runs; i++) {
      threads[i] = new Thread(() -> steps.addAndGet(loop.run("t").steps().size()));
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Fixtures.check(steps.get() == runs * StepBenchmark.STEPS, "every run must finish");
    return steps.get();
  }
}
