package dev.xct.benchmarks.journal;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelReply;
import dev.xct.core.TokenUsage;
import dev.xct.core.VerdictRecord;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Durability;
import dev.xct.core.journal.FileJournal;
import dev.xct.core.journal.JournalOptions;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.validate.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the cost of journaling one tool step (the five facts the loop writes for it: reply, two
 * verdicts, intent, tool finished) with a {@link FileJournal}, per durability mode and with 1, 8
 * and 64 concurrent runs (threads), against the raw floor of appending the same five lines to a
 * file and forcing after each. Time is per step and per thread; divide by the thread count for the
 * cost per step when runs write concurrently.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class JournalBenchmark {

  /** The journal shared by all threads, one per trial. */
  @State(Scope.Benchmark)
  public static class Shared {
    @Param({"FORCE", "GROUP", "NONE"})
    public String durability;

    Path dir;
    FileJournal journal;
    final AtomicInteger runs = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws IOException {
      dir = Files.createTempDirectory("xct-journal-bench");
      journal =
          FileJournal.open(
              dir, JournalOptions.builder().durability(Durability.valueOf(durability)).build());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      journal.close();
      Floor.delete(dir);
    }
  }

  /** One run per thread: its own id and pre-built events. */
  @State(Scope.Thread)
  public static class Run {
    List<RunEvent> step;

    @Setup(Level.Trial)
    public void prepare(Shared shared) {
      step = stepEvents("bench-" + shared.runs.incrementAndGet());
    }
  }

  @Benchmark
  @Threads(1)
  public void journaledStep1(Shared shared, Run run) {
    run.step.forEach(shared.journal::append);
  }

  @Benchmark
  @Threads(8)
  public void journaledStep8(Shared shared, Run run) {
    run.step.forEach(shared.journal::append);
  }

  @Benchmark
  @Threads(64)
  public void journaledStep64(Shared shared, Run run) {
    run.step.forEach(shared.journal::append);
  }

  /** Returns the five facts of one executed tool step of run {@code runId}, as journaled. */
  static List<RunEvent> stepEvents(String runId) {
    Instant at = Instant.parse("2025-06-01T12:00:00Z");
    JsonValue arguments = JsonValue.parse("{\"path\":\"config/app.json\",\"content\":\"{}\"}");
    Decision.Proposal proposal = Decision.propose("fs.write", arguments, "create the config");
    String reply = "{\"next_step\":{\"tool\":\"fs.write\",\"arguments\":" + arguments + "}}";
    List<VerdictRecord> verdicts =
        List.of(
            new VerdictRecord("known-tool", Verdict.allow()),
            new VerdictRecord("argument-schema", Verdict.allow()));
    Result result = Result.success(Map.of("path", "config/app.json", "bytes", 2));
    TokenUsage usage = new TokenUsage(812, 41);
    return List.of(
        new RunEvent.ModelReplied(
            runId,
            1,
            at,
            new ModelReply(reply, usage),
            new DecodeResult.Valid(proposal),
            Duration.ofMillis(850)),
        new RunEvent.VerdictIssued(runId, 1, at, verdicts.get(0)),
        new RunEvent.VerdictIssued(runId, 1, at, verdicts.get(1)),
        new RunEvent.ToolStarting(
            runId, 1, at, new ToolCall("fs.write", arguments, "create the config")),
        new RunEvent.ToolFinished(runId, 1, at, "fs.write", result, Duration.ofMillis(3)));
  }
}
