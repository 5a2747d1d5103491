package dev.xct.benchmarks;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.Budgets;
import dev.xct.core.validate.Policy;
import dev.xct.core.validate.Validators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;

/**
 * Measures the memory one in-flight run holds: starts {@code runs} runs on one loop, each on its
 * own thread, holds them all inside their sixth model call (five steps recorded), collects garbage
 * and divides the growth of the used heap by the number of runs. A platform thread's stack is
 * native memory and not in the heap figure; a parked virtual thread's stack is in the heap (as
 * stack chunks) and is. On Linux it also reports the growth of the process's resident set per run,
 * which with a pre-touched fixed heap is mostly native memory: platform thread stacks and thread
 * structures (measure each kind in its own JVM for that figure: stacks freed by one kind shrink the
 * resident set while the next is measured). Each kind first measures a discarded round of {@value
 * #WARM_UP_RUNS} runs, so class loading, compilation and one-time state are not counted per run.
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.RunMemory [platform|virtual] 1 100 10000}; without a kind it measures both,
 * and on a JDK without virtual threads it says so and measures platform threads only.
 */
public final class RunMemory {
  private static final int HELD_AT = 6;
  private static final int WARM_UP_RUNS = 1000;
  private static final long MB = 1024 * 1024;

  private RunMemory() {}

  /** Measures each count given on the command line, for the kind given or for both. */
  public static void main(String[] args) throws InterruptedException {
    List<String> counts = new ArrayList<>(List.of(args));
    List<String> kinds = RunThreads.KINDS;
    if (!counts.isEmpty() && RunThreads.KINDS.contains(counts.get(0))) {
      kinds = List.of(counts.remove(0));
    }
    System.out.println(
        "Java " + Runtime.version() + ", " + Runtime.getRuntime().maxMemory() / MB + " MB heap");
    for (String kind : kinds) {
      if (RunThreads.VIRTUAL.equals(kind) && !RunThreads.virtualAvailable()) {
        System.out.println(RunThreads.virtualUnavailable());
        continue;
      }
      ThreadFactory factory = RunThreads.factory(kind);
      measure(WARM_UP_RUNS, factory); // class loading, JIT and one-time state are not per run
      for (String count : counts) {
        int runs = Integer.parseInt(count);
        Held held = measure(runs, factory);
        System.out.printf(
            "%-8s %6d concurrent runs: %,8d bytes of heap per run, %s of resident set per run%n",
            kind,
            runs,
            held.heap(),
            held.resident().isPresent()
                ? String.format("%,8d bytes", held.resident().getAsLong())
                : "n/a");
      }
    }
  }

  /** Heap and resident-set growth per run, in bytes (either may be negative: noise). */
  private record Held(long heap, OptionalLong resident) {}

  private static Held measure(int runs, ThreadFactory factory) throws InterruptedException {
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
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    long residentBefore = residentBytes();
    Thread[] threads = new Thread[runs];
    for (int i = 0; i < runs; i++) {
      threads[i] = factory.newThread(() -> loop.run("store the greeting"));
      threads[i].start();
    }
    arrived.await();
    long during = usedAfterGc(memory);
    long residentDuring = residentBytes();
    release.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    OptionalLong resident =
        residentBefore < 0 || residentDuring < 0
            ? OptionalLong.empty()
            : OptionalLong.of((residentDuring - residentBefore) / runs);
    return new Held((during - before) / runs, resident);
  }

  /** Returns the resident set size from {@code /proc/self/status}, or -1 off Linux. */
  private static long residentBytes() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
