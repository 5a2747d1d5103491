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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what the tools' checks cost: {@code fs.write} of a small file, durable (the default) and
 * not, against raw {@code Files.write} of the same bytes (plain, forced, and hand-written
 * temp-and-rename with and without the forces). {@link FsCrossCheck} gives the same ratios from
 * interleaved rounds; {@link ShellBenchmark} measures {@code shell.exec}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ToolBenchmark {
  private static final String CONTENT = "hello, benchmark\n".repeat(6);

  private final byte[] bytes = CONTENT.getBytes(StandardCharsets.UTF_8);
  private Path root;
  private Tool write;
  private Tool writeNotDurable;
  private ToolCall writeCall;
  private ToolContext context;

  /** Creates a fresh root and the tools. */
  @Setup
  public void setUp() throws IOException {
    root = Files.createTempDirectory("xct-bench").toRealPath();
    write =
        FsTools.forRoot(root).toolkit().tools().stream()
            .filter(t -> t.spec().name().equals("fs.write"))
            .findFirst()
            .orElseThrow();
    writeNotDurable =
        FsTools.builder(PathConfinement.builder().root(root, RootAccess.READ_WRITE).build())
            .durableWrites(false)
            .build()
            .toolkit()
            .tools()
            .stream()
            .filter(t -> t.spec().name().equals("fs.write"))
            .findFirst()
            .orElseThrow();
    writeCall =
        new ToolCall(
            "fs.write",
            JsonValue.from(Map.of("path", "note.txt", "content", CONTENT, "mode", "overwrite")),
            "write");
    context = Fixtures.toolContext();
    Fixtures.check(fsWrite() instanceof Result.Success, "fs.write: " + fsWrite());
    Fixtures.check(
        fsWriteNotDurable() instanceof Result.Success, "fs.write: " + fsWriteNotDurable());
  }

  /** The fs.write tool: confinement, temp file, force, atomic rename, force of the directory. */
  @Benchmark
  public Result fsWrite() {
    return write.execute(writeCall, context);
  }

  /** The fs.write tool with durableWrites(false): confinement, temp file, atomic rename. */
  @Benchmark
  public Result fsWriteNotDurable() {
    return writeNotDurable.execute(writeCall, context);
  }

  /** Raw Files.write of the same bytes: no force, not atomic. */
  @Benchmark
  public Path rawFilesWrite() throws IOException {
    return Files.write(root.resolve("raw.txt"), bytes);
  }

  /** Raw write of the same bytes, forced to disk, in place (not atomic). */
  @Benchmark
  public int rawFilesWriteForced() throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            root.resolve("forced.txt"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      int n = channel.write(ByteBuffer.wrap(bytes));
      channel.force(true);
      return n;
    }
  }

  /** The same atomicity by hand: temp file, write, force, rename over the target. */
  @Benchmark
  public Path rawAtomicWrite() throws IOException {
    Path temp = root.resolve(".atomic.tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    return Files.move(temp, root.resolve("atomic.txt"), StandardCopyOption.ATOMIC_MOVE);
  }

  /** What fs.write does by hand: temp file, write, force, rename, force of the directory. */
  @Benchmark
  public Path rawDurableAtomicWrite() throws IOException {
    Path temp = root.resolve(".durable.tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    Path moved = Files.move(temp, root.resolve("durable.txt"), StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel directory = FileChannel.open(root, StandardOpenOption.READ)) {
      directory.force(true);
    }
    return moved;
  }

  /** What fs.write without durability does by hand: temp file, write, rename. */
  @Benchmark
  public Path rawAtomicWriteNotForced() throws IOException {
    Path temp = root.resolve(".plain.tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(bytes));
    }
    return Files.move(temp, root.resolve("plain.txt"), StandardCopyOption.ATOMIC_MOVE);
  }
}
