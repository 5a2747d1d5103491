package dev.xct.benchmarks.journal;

import dev.xct.core.event.JsonLinesEventWriter;
import dev.xct.core.event.RunEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw floor for {@link JournalBenchmark}: appending the bytes of the same five journal records
 * (event JSON plus the chain's framing, about as long) to a file with a bare {@link FileChannel},
 * forcing after each record ({@code forced}) or once per step ({@code forcedOncePerStep}), and not
 * at all ({@code unforced}). Single thread: this is what the disk costs, whatever the journal does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
@Threads(1)
public class Floor {
  private Path dir;
  private FileChannel channel;
  private ByteBuffer[] records;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("xct-floor-bench");
    channel =
        FileChannel.open(
            dir.resolve("floor.jsonl"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    List<RunEvent> events = JournalBenchmark.stepEvents("bench-floor");
    records = new ByteBuffer[events.size()];
    for (int i = 0; i < records.length; i++) {
      // The journal adds {"seq":N,"prev":"<64 hex>","event":...,"hash":"<64 hex>"} around each.
      String line =
          "{\"seq\":1000000,\"prev\":\""
              + "0".repeat(64)
              + "\",\"event\":"
              + JsonLinesEventWriter.line(events.get(i))
              + ",\"hash\":\""
              + "0".repeat(64)
              + "\"}\n";
      records[i] = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    channel.close();
    delete(dir);
  }

  @Benchmark
  public void forced() throws IOException {
    for (ByteBuffer record : records) {
      write(record);
      channel.force(false);
    }
  }

  @Benchmark
  public void forcedOncePerStep() throws IOException {
    for (ByteBuffer record : records) {
      write(record);
    }
    channel.force(false);
  }

  @Benchmark
  public void unforced() throws IOException {
    for (ByteBuffer record : records) {
      write(record);
    }
  }

  private void write(ByteBuffer record) throws IOException {
    ByteBuffer buffer = record.duplicate();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
