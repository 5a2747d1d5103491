package dev.xct.benchmarks;

import dev.xct.core.RunResult;
import dev.xct.core.loop.ExecutionLoop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures one step of control: XCT's loop (scripted reply, strict decode, known tool, schema, tool
 * quota, policy, no-op tool, redaction, listener; with the default renderer also the prompt)
 * against the hand-written floor and the peers' dispatch paths, all in the same run. Loop figures
 * are per step over runs of {@value #STEPS} steps, so per-run costs (run id, start and end events)
 * are spread over them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StepBenchmark {
  static final int STEPS = 10;

  private Floor floor;
  private Peers peers;
  private XctDispatch dispatch;
  private ExecutionLoop inline;
  private ExecutionLoop inlinePlain;
  private ExecutionLoop threaded;
  private ExecutionLoop threadedPlain;

  /** Builds every path once. */
  @Setup
  public void setUp() {
    floor = new Floor();
    peers = new Peers();
    dispatch = new XctDispatch();
    inline = Fixtures.loop(STEPS, true, true);
    inlinePlain = Fixtures.loop(STEPS, true, false);
    threaded = Fixtures.loop(STEPS, false, true);
    threadedPlain = Fixtures.loop(STEPS, false, false);
    RunResult probe = inline.run("probe");
    Fixtures.check(
        probe.steps().size() == STEPS
            && probe.steps().stream().allMatch(s -> s.executed() && !s.failed()),
        "every step must execute the tool: " + probe);
    Fixtures.check(floor.step(Fixtures.REPLY).contains("success"), "floor must succeed");
    Fixtures.check(peers.langChain4j().contains("11"), "langchain4j: " + peers.langChain4j());
    Fixtures.check(peers.springAi().contains("11"), "spring ai: " + peers.springAi());
    Fixtures.check(
        dispatch.dispatch(Fixtures.ARGUMENTS).contains("\"length\":11"),
        "xct dispatch: " + dispatch.dispatch(Fixtures.ARGUMENTS));
  }

  /** The floor: parse, validate, call, serialize, by hand. */
  @Benchmark
  public String floor() {
    return floor.step(Fixtures.REPLY);
  }

  /** LangChain4j's DefaultToolExecutor for the same {@code @Tool} method. */
  @Benchmark
  public String langchain4j() {
    return peers.langChain4j();
  }

  /** Spring AI's MethodToolCallback for the same {@code @Tool} method. */
  @Benchmark
  public String springAi() {
    return peers.springAi();
  }

  /** XCT's dispatch on the peers' terms: from the arguments string, validated, called, encoded. */
  @Benchmark
  public String xctDispatch() {
    return dispatch.dispatch(Fixtures.ARGUMENTS);
  }

  /** LangChain4j with the reply parse its model integration does first. */
  @Benchmark
  public String langchain4jFromReply() {
    return peers.langChain4jFromReply(Fixtures.REPLY);
  }

  /** Spring AI with the reply parse its model integration does first. */
  @Benchmark
  public String springAiFromReply() {
    return peers.springAiFromReply(Fixtures.REPLY);
  }

  /** XCT, tools inline on the run's thread, default context renderer. */
  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunResult xctInline() {
    return inline.run("store the greeting");
  }

  /** XCT, tools inline, a constant renderer: the loop without prompt building. */
  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunResult xctInlinePlainRenderer() {
    return inlinePlain.run("store the greeting");
  }

  /** XCT, tools on the default tool threads (the handoff that enforces timeouts). */
  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunResult xctThreaded() {
    return threaded.run("store the greeting");
  }

  /** XCT, tools on the default tool threads, a constant renderer. */
  @Benchmark
  @OperationsPerInvocation(STEPS)
  public RunResult xctThreadedPlainRenderer() {
    return threadedPlain.run("store the greeting");
  }
}
