package dev.xct.benchmarks;

import dev.xct.core.ExecutionLoop;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Validators;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Measures the heap one in-flight run holds: starts {@code runs} runs on one loop, each on its own
 * platform thread, holds them all inside their sixth model call (five steps recorded), collects
 * garbage and divides the growth of the used heap by the number of runs. Thread stacks are native
 * memory and not included.
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.RunMemory 1 100 10000}.
 */
public final class RunMemory {
  private static final int HELD_AT = 6;

  private RunMemory() {}

  /** Measures each count given on the command line. */
  public static void main(String[] args) throws InterruptedException {
    for (String arg : args) {
      int runs = Integer.parseInt(arg);
      System.out.printf("%6d concurrent runs: %,8d bytes of heap per run%n", runs, measure(runs));
    }
  }

  private static long measure(int runs) throws InterruptedException {
    CountDownLatch arrived = new CountDownLatch(runs);
    CountDownLatch release = new CountDownLatch(1);
    ModelReply reply = ModelReply.of(Fixtures.REPLY);
    ModelClient model =
        request -> {
          if (request.step() == HELD_AT) {
            arrived.countDown();
            awaitQuietly(release);
          }
          return reply;
        };
    ExecutionLoop loop =
        ExecutionLoop.builder(model, ToolRegistry.of(Fixtures.noOpTool()))
            .budgets(
                Budgets.builder()
                    .maxSteps(HELD_AT + 1)
                    .maxDuration(Duration.ofHours(1))
                    .toolQuota(Fixtures.TOOL, Integer.MAX_VALUE)
                    .build())
            .validator(Validators.policy(Policy.builder().allow(Fixtures.TOOL).build()))
            .listener(Fixtures.NO_OP_LISTENER)
            .inlineTools()
            .build();
    Fixtures.loop(HELD_AT + 1, true, true).run("warm up"); // class loading is not per run
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    Thread[] threads = new Thread[runs];
    for (int i = 0; i < runs; i++) {
      threads[i] = new Thread(() -> loop.run("store the greeting"));
      threads[i].start();
    }
    arrived.await();
    long during = usedAfterGc(memory);
    release.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    return (during - before) / runs;
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
