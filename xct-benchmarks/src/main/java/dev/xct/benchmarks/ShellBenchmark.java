package dev.xct.benchmarks;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.shell.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures what {@code shell.exec} costs around the program it runs: in the sandbox (the default)
 * against a raw start of {@code bwrap} with the same command line, and unconfined against a raw
 * {@code ProcessBuilder} start of the same program. {@link ToolCrossCheck} gives the same ratios
 * from interleaved rounds in one JVM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ShellBenchmark {
  private Tool sandboxed;
  private Tool unconfined;
  private ToolContext context;
  private ProcessBuilder rawBwrap;
  private ProcessBuilder rawProcess;

  /** Creates a fresh root and the tools. */
  @Setup
  public void setUp() throws IOException {
    Path root = Files.createTempDirectory("xct-bench").toRealPath();
    sandboxed = ShellFixtures.shell(root, Sandbox.bubblewrap());
    unconfined = ShellFixtures.shell(root, Sandbox.unconfined());
    context = Fixtures.toolContext();
    rawBwrap = new ProcessBuilder(ShellFixtures.bwrapTrue(root)).directory(root.toFile());
    rawProcess = new ProcessBuilder(ShellFixtures.TRUE.toString()).directory(root.toFile());
    Fixtures.check(shellExec().isSuccess(), "shell.exec in the sandbox: " + shellExec());
    Fixtures.check(shellExecUnconfined().isSuccess(), "shell.exec unconfined failed");
    Fixtures.check(rawBwrap() == 0, "raw bwrap failed");
  }

  /** shell.exec of {@code true} in the sandbox, the default. */
  @Benchmark
  public Result shellExec() {
    return sandboxed.execute(ShellFixtures.CALL, context);
  }

  /** A raw start of bwrap with the command line shell.exec builds: the sandbox's own cost. */
  @Benchmark
  public int rawBwrap() {
    return ShellFixtures.run(rawBwrap);
  }

  /** shell.exec of {@code true} without the sandbox. */
  @Benchmark
  public Result shellExecUnconfined() {
    return unconfined.execute(ShellFixtures.CALL, context);
  }

  /** A raw ProcessBuilder start of {@code true}. */
  @Benchmark
  public int rawProcess() {
    return ShellFixtures.run(rawProcess);
  }
}
