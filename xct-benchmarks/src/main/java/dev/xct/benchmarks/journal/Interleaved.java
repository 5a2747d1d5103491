package dev.xct.benchmarks.journal;

import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Durability;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.JournalOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cross-checks {@link JournalBenchmark}'s ratios the way docs/performance.md asks for on a noisy
 * host: every variant runs in short alternating batches in one JVM, and each batch's cost per step
 * is divided by the raw floor measured in the same round. Prints the median ratio per variant.
 *
 * <p>{@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.journal.Interleaved [rounds] [millisPerBatch]}
 */
public final class Interleaved {
  private Interleaved() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 1000) * 1_000_000L;
    Path root = Files.createTempDirectory("xct-interleaved");
    Map<String, FileJournal> journals = new LinkedHashMap<>();
    Map<String, Integer> threads = new LinkedHashMap<>();
    for (Durability durability : List.of(Durability.FORCE, Durability.GROUP)) {
      for (int n : new int[] {1, 8, 64}) {
        String name = durability + " x" + n;
        journals.put(
            name,
            FileJournal.open(
                root.resolve(name.replace(' ', '-')),
                JournalOptions.builder().durability(durability).build()));
        threads.put(name, n);
      }
    }
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    try (FileChannel floor =
        FileChannel.open(
            root.resolve("floor.jsonl"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      List<ByteBuffer> records = floorRecords();
      for (int round = 0; round < rounds; round++) {
        double floorMicros = floorStep(floor, records, batchNanos);
        for (Map.Entry<String, FileJournal> e : journals.entrySet()) {
          double micros = journaledStep(e.getValue(), threads.get(e.getKey()), batchNanos, round);
          ratios.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(micros / floorMicros);
        }
        System.out.printf("round %d: floor %.0f us per step%n", round, floorMicros);
      }
    }
    for (FileJournal journal : journals.values()) {
      journal.close();
    }
    Floor.delete(root);
    System.out.println("variant: median ratio of amortised cost per step to the floor (min..max)");
    ratios.forEach(
        (name, values) -> {
          double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          System.out.printf(
              "%-10s %.2f (%.2f..%.2f)%n",
              name, sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
        });
  }

  private static List<ByteBuffer> floorRecords() {
    List<ByteBuffer> records = new ArrayList<>();
    for (RunEvent event : JournalBenchmark.stepEvents("floor")) {
      String line =
          "{\"seq\":1000000,\"prev\":\""
              + "0".repeat(64)
              + "\",\"event\":"
              + JsonLinesEventWriter.line(event)
              + ",\"hash\":\""
              + "0".repeat(64)
              + "\"}\n";
      records.add(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
    }
    return records;
  }

  /** Returns microseconds per step of appending the five records, forcing after each. */
  private static double floorStep(FileChannel channel, List<ByteBuffer> records, long nanos)
      throws IOException {
    long steps = 0;
    long start = System.nanoTime();
    long end = start + nanos;
    while (System.nanoTime() < end) {
      for (ByteBuffer record : records) {
        ByteBuffer buffer = record.duplicate();
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(false);
      }
      steps++;
    }
    return (System.nanoTime() - start) / 1_000.0 / steps;
  }

  /** Returns amortised microseconds per step (wall time over steps done by all threads). */
  private static double journaledStep(FileJournal journal, int threads, long nanos, int round)
      throws InterruptedException {
    AtomicLong steps = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    long[] bounds = new long[2];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<RunEvent> events = JournalBenchmark.stepEvents("r" + round + "-" + t);
      Thread worker =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                while (System.nanoTime() < bounds[1]) {
                  events.forEach(journal::append);
                  steps.incrementAndGet();
                }
              });
      worker.start();
      workers.add(worker);
    }
    bounds[0] = System.nanoTime();
    bounds[1] = bounds[0] + nanos;
    go.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    long elapsed = System.nanoTime() - bounds[0];
    return elapsed / 1_000.0 / Math.max(1, steps.get());
  }
}
