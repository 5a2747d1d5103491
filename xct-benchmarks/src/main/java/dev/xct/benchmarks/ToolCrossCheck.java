package dev.xct.benchmarks;

import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.shell.Sandbox;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Cross-checks {@code shell.exec}'s cost in one JVM: every variant runs in short alternating
 * batches, and each round is divided by the baseline measured in the same round, so the host's
 * drift cancels out; also the CPU time per call (this JVM plus its children) against the
 * baseline's, which a loaded host disturbs less than the wall clock. The pairs the issue asks for:
 * {@code shellExec} (the sandbox, the default) against {@code rawBwrap} (bwrap with the same
 * command line), and {@code shellExecUnconfined} against {@code raw} (a plain {@code
 * ProcessBuilder} start); {@code rawSetsid} shows what the unconfined command's own session costs.
 * Prints the median, min and max ratio per variant against {@code raw}, and the bytes allocated per
 * call by all live threads (threads that died during the batch are not counted; JMH's gc profiler
 * has the same blind spot on Java 17).
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.ToolCrossCheck [rounds] [batchMillis] [variant,variant...]}; {@code raw}
 * always runs.
 */
public final class ToolCrossCheck {
  private ToolCrossCheck() {}

  /** Runs the cross-check. */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
    Path root = Files.createTempDirectory("xct-bench").toRealPath();
    Tool sandboxed = ShellFixtures.shell(root, Sandbox.bubblewrap());
    Tool unconfined = ShellFixtures.shell(root, Sandbox.unconfined());
    ToolContext context = Fixtures.toolContext();
    ToolCall call = ShellFixtures.CALL;
    Fixtures.check(sandboxed.execute(call, context).isSuccess(), "shell.exec of true failed");
    ProcessBuilder raw = new ProcessBuilder(ShellFixtures.TRUE.toString()).directory(root.toFile());
    ProcessBuilder rawSetsid =
        new ProcessBuilder(ShellFixtures.SETSID.toString(), "--wait", "--", "true")
            .directory(root.toFile());
    ProcessBuilder rawBwrap =
        new ProcessBuilder(ShellFixtures.bwrapTrue(root)).directory(root.toFile());
    Map<String, IntSupplier> variants = new LinkedHashMap<>();
    variants.put("raw", () -> ShellFixtures.run(raw));
    variants.put("rawSetsid", () -> ShellFixtures.run(rawSetsid));
    variants.put(
        "shellExecUnconfined", () -> unconfined.execute(call, context).isSuccess() ? 0 : 1);
    variants.put("rawBwrap", () -> ShellFixtures.run(rawBwrap));
    variants.put("shellExec", () -> sandboxed.execute(call, context).isSuccess() ? 0 : 1);
    variants.put("shellPreviewOnly", () -> sandboxed.preview(call, context).isPresent() ? 0 : 1);
    if (args.length > 2) {
      List<String> keep = List.of(args[2].split(","));
      variants.keySet().removeIf(name -> !name.equals("raw") && !keep.contains(name));
    }
    // The two ratios the issue sets targets for, each against its own baseline in the same round.
    Map<String, String> pairs =
        Map.of("shellExec", "rawBwrap", "shellExecUnconfined", "raw", "rawBwrap", "raw");
    new Harness(variants, "raw", pairs).run(rounds, batchNanos, "call");
  }

  /** Runs named variants in alternating batches and prints ratios to a baseline variant. */
  static final class Harness {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<String, IntSupplier> variants;
    private final String baseline;
    private final Map<String, String> pairs;
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private long sink;

    Harness(Map<String, IntSupplier> variants, String baseline, Map<String, String> pairs) {
      this.variants = variants;
      this.baseline = baseline;
      this.pairs = pairs;
    }

    void run(int rounds, long batchNanos, String unit) {
      for (int warm = 0; warm < 3; warm++) {
        variants.forEach((name, call) -> calls.put(name, calibrate(call, batchNanos * 3)));
      }
      variants.forEach((name, call) -> calls.put(name, calibrate(call, batchNanos)));
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      for (int r = 0; r < rounds; r++) {
        Map<String, double[]> round = new LinkedHashMap<>();
        for (Map.Entry<String, IntSupplier> e : variants.entrySet()) {
          round.put(e.getKey(), batch(e.getValue(), calls.get(e.getKey())));
        }
        double[] base = round.get(baseline);
        round.forEach(
            (name, m) -> {
              double[] pair = round.get(pairs.getOrDefault(name, baseline));
              double vsPair = pair == null ? Double.NaN : m[0] / pair[0];
              results
                  .computeIfAbsent(name, k -> new ArrayList<>())
                  .add(new double[] {m[0], m[0] / base[0], m[1], m[2] / base[2], vsPair});
            });
      }
      System.out.printf(
          "%-22s %10s %8s %8s %8s %8s %10s   %s%n",
          "variant", "µs/" + unit, "ratio", "min", "max", "cpu", "B/" + unit, "× its pair");
      results.forEach(
          (name, rows) -> {
            double[] ratios = column(rows, 1);
            double[] paired = column(rows, 4);
            System.out.printf(
                "%-22s %10.0f %8.2f %8.2f %8.2f %8.2f %10.0f   %s%n",
                name,
                median(column(rows, 0)) / 1000,
                median(ratios),
                ratios[0],
                ratios[ratios.length - 1],
                median(column(rows, 3)),
                median(column(rows, 2)),
                pairs.containsKey(name) && variants.containsKey(pairs.get(name))
                    ? String.format(
                        "%.2f (%.2f-%.2f) × %s",
                        median(paired), paired[0], paired[paired.length - 1], pairs.get(name))
                    : "");
          });
      if (sink == 42) {
        System.out.print("");
      }
    }

    private int calibrate(IntSupplier call, long batchNanos) {
      long start = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - start < batchNanos) {
        sink += call.getAsInt();
        n++;
      }
      return Math.max(1, n);
    }

    /**
     * Returns wall-clock nanoseconds, bytes (threads alive at the end) and CPU nanoseconds (this
     * JVM and its reaped children) per call for one batch.
     */
    private double[] batch(IntSupplier call, int n) {
      Map<Long, Long> before = allocated();
      long cpu = cpuNanos();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink += call.getAsInt();
      }
      long took = System.nanoTime() - start;
      cpu = cpuNanos() - cpu;
      long bytes = 0;
      for (Map.Entry<Long, Long> e : allocated().entrySet()) {
        bytes += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
      return new double[] {(double) took / n, (double) bytes / n, (double) cpu / n};
    }

    /** Returns the CPU time of this JVM plus its reaped children (in ticks of 10 ms, Linux). */
    private static long cpuNanos() {
      long children = 0;
      try {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
        children = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
      } catch (IOException | RuntimeException e) {
        children = 0;
      }
      return OS.getProcessCpuTime() + children;
    }

    private static Map<Long, Long> allocated() {
      long[] ids = THREADS.getAllThreadIds();
      long[] bytes = THREADS.getThreadAllocatedBytes(ids);
      Map<Long, Long> byThread = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        if (bytes[i] >= 0) {
          byThread.put(ids[i], bytes[i]);
        }
      }
      return byThread;
    }

    private static double[] column(List<double[]> rows, int index) {
      double[] a = rows.stream().mapToDouble(row -> row[index]).toArray();
      Arrays.sort(a);
      return a;
    }

    private static double median(double[] a) {
      return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
  }
}
