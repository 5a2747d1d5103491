package dev.xct.benchmarks;

import dev.xct.core.JsonValue;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.fs.FsTools;
import dev.xct.tools.fs.PathConfinement;
import dev.xct.tools.fs.RootAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-checks {@code fs.write} against raw writes in one JVM: every variant runs in short
 * alternating batches, and each round is divided by the raw {@code Files.write} of that round, so
 * the host's drift (and the disk's) cancels out. Prints the median, min and max ratio per variant.
 *
 * <p>Run with {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp benchmarks.jar
 * dev.xct.benchmarks.FsCrossCheck [rounds] [batchMillis] [beforeJar|-] [directory]}. With {@code
 * beforeJar} (an older {@code xct-tools-fs} jar) that version's {@code fs.write} runs in the same
 * rounds too, loaded child-first, so a change can be measured against its predecessor on the same
 * disk. The files go to a fresh directory in {@code directory} (default: the system's temporary
 * directory); a tmpfs such as {@code /dev/shm} takes the disk out and leaves the CPU and
 * system-call overhead.
 */
public final class FsCrossCheck {
  private static final String CONTENT = "hello, benchmark\n".repeat(6);
  private static final byte[] BYTES = CONTENT.getBytes(StandardCharsets.UTF_8);

  private FsCrossCheck() {}

  /** Runs the cross-check. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long batchNanos = (args.length > 1 ? Long.parseLong(args[1]) : 100) * 1_000_000L;
    Path root =
        (args.length > 3
                ? Files.createTempDirectory(Path.of(args[3]), "xct-fs-cross")
                : Files.createTempDirectory("xct-fs-cross"))
            .toRealPath();
    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put("rawFilesWrite", new Variant(() -> Files.write(root.resolve("raw.txt"), BYTES)));
    variants.put("rawForced", new Variant(() -> forcedInPlace(root.resolve("forced.txt"))));
    variants.put("byHandTempRename", new Variant(() -> byHand(root, "atomic.txt", 0)));
    variants.put("byHandTempForceRename", new Variant(() -> byHand(root, "forced-atomic.txt", 1)));
    variants.put(
        "byHandTempForceRenameForceDir", new Variant(() -> byHand(root, "durable.txt", 2)));
    variants.put("fsWrite", tool(FsTools.forRoot(root).toolkit().tools(), "fs-durable.txt"));
    variants.put(
        "fsWriteNotDurable",
        tool(
            FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
                .durableWrites(false)
                .build()
                .toolkit()
                .tools(),
            "fs-not-durable.txt"));
    // Each fs.write variant against the hand-written code that gives the same guarantee.
    Map<String, String> equivalents = new LinkedHashMap<>();
    equivalents.put("fsWrite", "byHandTempForceRenameForceDir");
    equivalents.put("fsWriteNotDurable", "byHandTempRename");
    if (args.length > 2 && !args[2].equals("-")) {
      variants.put("fsWriteBefore", tool(OlderFsTools.load(Path.of(args[2]), root), "before.txt"));
      equivalents.put("fsWriteBefore", "byHandTempForceRename");
    }
    for (int warm = 0; warm < 2; warm++) {
      for (Variant v : variants.values()) {
        v.calibrate(batchNanos * 5);
      }
    }
    for (Variant v : variants.values()) {
      v.calibrate(batchNanos);
    }
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    Map<String, List<Double>> nanos = new LinkedHashMap<>();
    Map<String, List<Double>> byHand = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(variants.keySet());
    for (int r = 0; r < rounds; r++) {
      // Rotate the order so that no variant always follows the same neighbour's dirty pages.
      Map<String, Double> round = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get((i + r) % names.size());
        round.put(name, variants.get(name).batch());
      }
      double base = round.get("rawFilesWrite");
      for (String name : names) {
        ratios.computeIfAbsent(name, k -> new ArrayList<>()).add(round.get(name) / base);
        nanos.computeIfAbsent(name, k -> new ArrayList<>()).add(round.get(name));
      }
      for (Map.Entry<String, String> e : equivalents.entrySet()) {
        double ratio = round.get(e.getKey()) / round.get(e.getValue());
        byHand.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ratio);
      }
    }
    System.out.printf("%-30s %10s %8s %8s %8s%n", "variant", "us/call", "x raw", "min", "max");
    for (String name : names) {
      double[] rs = Rounds.sorted(ratios.get(name));
      System.out.printf(
          "%-30s %10.1f %8.2f %8.2f %8.2f%n",
          name,
          Rounds.median(Rounds.sorted(nanos.get(name))) / 1000,
          Rounds.median(rs),
          rs[0],
          rs[rs.length - 1]);
    }
    System.out.printf(
        "%n%-30s %-30s %8s %8s %8s%n", "variant", "x by hand", "median", "min", "max");
    for (Map.Entry<String, String> e : equivalents.entrySet()) {
      double[] rs = Rounds.sorted(byHand.get(e.getKey()));
      System.out.printf(
          "%-30s %-30s %8.2f %8.2f %8.2f%n",
          e.getKey(), e.getValue(), Rounds.median(rs), rs[0], rs[rs.length - 1]);
    }
  }

  private static Variant tool(List<Tool> tools, String file) {
    Tool write =
        tools.stream().filter(t -> t.spec().name().equals("fs.write")).findFirst().orElseThrow();
    ToolCall call =
        new ToolCall(
            "fs.write",
            JsonValue.from(Map.of("path", file, "content", CONTENT, "mode", "overwrite")),
            "write");
    ToolContext context = Fixtures.toolContext();
    Fixtures.check(write.execute(call, context) instanceof Result.Success, "fs.write failed");
    return new Variant(() -> write.execute(call, context));
  }

  private static int forcedInPlace(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      int n = channel.write(ByteBuffer.wrap(BYTES));
      channel.force(true);
      return n;
    }
  }

  /** Temp file, write, rename; {@code forces} 1 forces the file, 2 the directory too. */
  private static Path byHand(Path root, String name, int forces) throws IOException {
    Path temp = root.resolve("." + name + ".tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(BYTES));
      if (forces > 0) {
        channel.force(true);
      }
    }
    Path moved = Files.move(temp, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    if (forces > 1) {
      try (FileChannel directory = FileChannel.open(root, StandardOpenOption.READ)) {
        directory.force(true);
      }
    }
    return moved;
  }

  /** One write, as a call that may fail with an I/O error. */
  @FunctionalInterface
  private interface Call {
    Object run() throws IOException;
  }

  /** One path, run in batches. */
  private static final class Variant {
    private final Call call;
    private int calls = 1;
    private long sink;

    Variant(Call call) {
      this.call = call;
    }

    void calibrate(long batchNanos) {
      long start = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - start < batchNanos) {
        once();
        n++;
      }
      calls = Math.max(1, n);
    }

    /** Returns nanoseconds per call for one batch. */
    double batch() {
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        once();
      }
      return (System.nanoTime() - start) / (double) calls;
    }

    private void once() {
      try {
        Object result = call.run();
        if (result instanceof Result.Failure failure) {
          throw new IllegalStateException(failure.code() + ": " + failure.message());
        }
        sink += result.hashCode();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
