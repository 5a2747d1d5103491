package dev.xct.benchmarks;

import dev.xct.core.ModelRequest;
import dev.xct.core.RunResult;
import dev.xct.core.Step;
import dev.xct.core.context.ChatMessage;
import dev.xct.core.context.DefaultContextRenderer;
import dev.xct.core.internal.collect.AppendOnlyList;
import dev.xct.core.loop.ExecutionLoop;
import dev.xct.core.protocol.Decision;
import dev.xct.core.protocol.DecodeResult;
import dev.xct.core.protocol.ProtocolCodec;
import dev.xct.core.tool.ToolRegistry;
import dev.xct.core.validate.RunStats;
import dev.xct.core.validate.ValidationContext;
import dev.xct.core.validate.Validator;
import dev.xct.core.validate.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures how the cost of a step grows with the run: whole runs of 1, 100 and 1,000 steps (per
 * step), and the per-step parts at step 1, 100 and 1,000: the validator chain (must stay flat), the
 * default context rendering (bounded by the context budget), from scratch and of a live run's
 * transcript, and the model request (which keeps the loop's transcript snapshot without copying
 * it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ScalingBenchmark {
  private ExecutionLoop run1;
  private ExecutionLoop run100;
  private ExecutionLoop run1000;
  private ExecutionLoop plain1000;

  /** Builds the loops. */
  @Setup
  public void setUp() {
    run1 = Fixtures.loop(1, true, true);
    run100 = Fixtures.loop(100, true, true);
    run1000 = Fixtures.loop(1000, true, true);
    plain1000 = Fixtures.loop(1000, true, false);
  }

  /** A run of 1 step, per step. */
  @Benchmark
  public RunResult runOf1Step() {
    return run1.run("t");
  }

  /** A run of 100 steps, per step. */
  @Benchmark
  @OperationsPerInvocation(100)
  public RunResult runOf100Steps() {
    return run100.run("t");
  }

  /** A run of 1,000 steps, per step. */
  @Benchmark
  @OperationsPerInvocation(1000)
  public RunResult runOf1000Steps() {
    return run1000.run("t");
  }

  /** A run of 1,000 steps with a constant renderer, per step. */
  @Benchmark
  @OperationsPerInvocation(1000)
  public RunResult runOf1000StepsPlainRenderer() {
    return plain1000.run("t");
  }

  /** The state of a run that is at step {@code step}. */
  @State(Scope.Benchmark)
  public static class AtStep {
    /** The step number. */
    @Param({"1", "100", "1000"})
    public int step;

    ToolRegistry tools;
    List<Step> transcript;
    Decision.Proposal proposal;
    List<Validator> chain;
    ValidationContext context;
    List<ChatMessage> messages;
    DefaultContextRenderer renderer = DefaultContextRenderer.create();
    List<Step> copy;
    AppendOnlyList<Step> live;

    /** Records a real transcript of {@code step - 1} steps and the chain the loop builds. */
    @Setup
    public void setUp() {
      tools = ToolRegistry.of(Fixtures.noOpTool());
      transcript = step == 1 ? List.of() : Fixtures.loop(step - 1, true, false).run("t").steps();
      Fixtures.check(transcript.size() == step - 1, "transcript size");
      // RunResult.steps() is the loop's own immutable snapshot, as ModelRequest gets it.
      DecodeResult decoded = ProtocolCodec.strict().decode(Fixtures.REPLY);
      proposal = (Decision.Proposal) ((DecodeResult.Valid) decoded).decision();
      chain = Fixtures.chain();
      Instant now = Instant.now();
      RunStats stats =
          RunStats.builder(now)
              .stepsTaken(step - 1)
              .toolExecutions(Map.of(Fixtures.TOOL, step - 1))
              .build();
      context = new ValidationContext("run-1", step, tools, stats, now);
      // A plain list: rendered from scratch each time, as any list but a live run's transcript.
      copy = List.copyOf(transcript);
      messages = renderer.render("t", tools.specs(), copy);
      // A live run's transcript that the renderer has seen at every earlier step, as the loop's.
      live = new AppendOnlyList<>();
      renderer.render("t", tools.specs(), live.snapshot());
      for (Step done : transcript) {
        live.add(done);
        renderer.render("t", tools.specs(), live.snapshot());
      }
      Fixtures.check(
          renderer.render("t", tools.specs(), live.snapshot()).equals(messages), "run's render");
      for (Validator v : chain) {
        Fixtures.check(v.check(proposal, context) instanceof Verdict.Allow, v.name());
      }
    }
  }

  /** The full validator chain at step {@code step}. */
  @Benchmark
  public void validateAtStep(AtStep s, Blackhole bh) {
    for (Validator v : s.chain) {
      bh.consume(v.check(s.proposal, s.context));
    }
  }

  /** The default context rendering at step {@code step} (120,000-character budget). */
  @Benchmark
  public List<ChatMessage> renderAtStep(AtStep s) {
    return s.renderer.render("t", s.tools.specs(), s.copy);
  }

  /**
   * The default rendering of a live run's transcript at step {@code step}, as the loop asks for it:
   * every earlier step's messages are already rendered and kept with the transcript, so this is the
   * kept window's assembly (the new step's own two messages cost what {@code renderAtStep} costs at
   * step 2).
   */
  @Benchmark
  public List<ChatMessage> renderAtStepInRun(AtStep s) {
    return s.renderer.render("t", s.tools.specs(), s.live.snapshot());
  }

  /** The model request the loop builds at step {@code step} (it shares the snapshot). */
  @Benchmark
  public ModelRequest requestAtStep(AtStep s) {
    return new ModelRequest("run-1", s.step, "t", s.tools.specs(), s.transcript, s.messages);
  }
}
