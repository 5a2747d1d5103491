package dev.xct.benchmarks;

import dev.xct.core.JsonValue;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.shell.Program;
import dev.xct.tools.shell.ShellTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Cross-checks {@code shell.exec}'s cost against a raw process start in one JVM: every variant runs
 * in short alternating batches, and each round is divided by the raw start measured in the same
 * round, so the host's drift cancels out; also the CPU time per call (this JVM plus its children)
 * against the raw start's, which a loaded host disturbs less than the wall clock. The intermediate
 * variants add, one at a time, what {@code shell.exec} does around the program: {@code setsid
 * --wait}, a cleared environment with two capture threads and a private home. Prints the median,
 * min and max ratio per variant and the bytes allocated per call by all live threads (threads that
 * died during the batch, such as per-call capture threads, are not counted; JMH's gc profiler has
 * the same blind spot on Java 17).
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.ToolCrossCheck [rounds] [batchMillis] [variant,variant...]}; {@code raw}
 * always runs.
 */
public final class ToolCrossCheck {
  private static final Path TRUE =
      Files.exists(Path.of("/usr/bin/true")) ? Path.of("/usr/bin/true") : Path.of("/bin/true");
  private static final Path SETSID =
      Files.exists(Path.of("/usr/bin/setsid"))
          ? Path.of("/usr/bin/setsid")
          : Path.of("/bin/setsid");

  private ToolCrossCheck() {}

  /** Runs the cross-check. */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 200) * 1_000_000L;
    Path root = Files.createTempDirectory("xct-bench").toRealPath();
    Tool shell =
        ShellTools.builder()
            .root(root)
            .searchPath(Path.of("/usr/bin"), Path.of("/bin"))
            .allow(Program.builder("true").build())
            .build()
            .tool();
    ToolCall call =
        new ToolCall("shell.exec", JsonValue.from(Map.of("argv", List.of("true"))), "t");
    ToolContext context = Fixtures.toolContext();
    Fixtures.check(shell.execute(call, context).isSuccess(), "shell.exec of true failed");
    Map<String, IntSupplier> variants = new LinkedHashMap<>();
    variants.put("raw", () -> raw(new ProcessBuilder(TRUE.toString())));
    variants.put(
        "rawSetsid", () -> raw(new ProcessBuilder(SETSID.toString(), "--wait", "--", "true")));
    variants.put("rawSetsidThreadsHome", () -> setsidThreadsHome(root));
    variants.put("shellPreviewOnly", () -> shell.preview(call, context).isPresent() ? 0 : 1);
    variants.put("shellExec", () -> shell.execute(call, context).isSuccess() ? 0 : 1);
    if (args.length > 2) {
      List<String> keep = List.of(args[2].split(","));
      variants.keySet().removeIf(name -> !name.equals("raw") && !keep.contains(name));
    }
    new Harness(variants, "raw").run(rounds, batchNanos, "call");
  }

  /** The raw baseline: start, drain the merged output on this thread, wait. */
  private static int raw(ProcessBuilder builder) {
    try {
      Process process = builder.redirectErrorStream(true).start();
      try (InputStream out = process.getInputStream()) {
        out.readAllBytes();
      }
      return process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What shell.exec does around the program, minus the policy check and the process-tree kill. */
  private static int setsidThreadsHome(Path root) {
    try {
      Path home = Files.createTempDirectory("xct-bench-home-");
      try {
        ProcessBuilder builder = new ProcessBuilder(SETSID.toString(), "--wait", "--", "true");
        builder.directory(root.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString()));
        Process process = builder.start();
        process.getOutputStream().close();
        Thread out = drain(process.getInputStream());
        Thread err = drain(process.getErrorStream());
        int code = process.waitFor();
        out.join();
        err.join();
        return code;
      } finally {
        Files.delete(home);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Thread drain(InputStream stream) {
    Thread thread =
        new Thread(
            () -> {
              try (stream) {
                stream.readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Runs named variants in alternating batches and prints ratios to a baseline variant. */
  static final class Harness {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<String, IntSupplier> variants;
    private final String baseline;
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private long sink;

    Harness(Map<String, IntSupplier> variants, String baseline) {
      this.variants = variants;
      this.baseline = baseline;
    }

    void run(int rounds, long batchNanos, String unit) {
      for (int warm = 0; warm < 3; warm++) {
        variants.forEach((name, call) -> calls.put(name, calibrate(call, batchNanos * 3)));
      }
      variants.forEach((name, call) -> calls.put(name, calibrate(call, batchNanos)));
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      for (int r = 0; r < rounds; r++) {
        double base = 0;
        double baseCpu = 0;
        for (Map.Entry<String, IntSupplier> e : variants.entrySet()) {
          double[] m = batch(e.getValue(), calls.get(e.getKey()));
          if (e.getKey().equals(baseline)) {
            base = m[0];
            baseCpu = m[2];
          }
          m[2] = m[2] / baseCpu;
          results
              .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(new double[] {m[0], m[0] / base, m[1], m[2]});
        }
      }
      System.out.printf(
          "%-22s %10s %8s %8s %8s %8s %10s%n",
          "variant", "µs/" + unit, "ratio", "min", "max", "cpu", "B/" + unit);
      results.forEach(
          (name, rows) -> {
            double[] ratios = column(rows, 1);
            System.out.printf(
                "%-22s %10.0f %8.2f %8.2f %8.2f %8.2f %10.0f%n",
                name,
                median(column(rows, 0)) / 1000,
                median(ratios),
                ratios[0],
                ratios[ratios.length - 1],
                median(column(rows, 3)),
                median(column(rows, 2)));
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
