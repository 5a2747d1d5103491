package dev.xct.tools.shell.internal.run;

import dev.xct.core.protocol.ErrorCodes;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.ToolContext;
import dev.xct.tools.shell.ShellErrorCodes;
import dev.xct.tools.shell.internal.config.ShellConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one prepared command: scrubbed environment, private home, closed or fed stdin, bounded
 * output drained concurrently, a timeout and cancellation that kill the whole process tree, and
 * every leftover process killed when the command ends, however it ends.
 *
 * <p>In the sandbox the home is the sandbox's own empty {@code /tmp} and the kill is by PID
 * namespace ({@link NamespaceKill}). Unconfined, the home is a fresh directory on a tmpfs when
 * there is one ({@link PrivateHome}) and the kill scans the process table ({@link
 * ProcessTreeKiller}) for the command's descendants and what carries its environment marker.
 *
 * <p>Thread-safe; each call runs independently.
 */
public final class ProcessRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

  /** Time kept back from the step's deadline to kill the tree and collect the output. */
  private static final Duration GRACE = Duration.ofMillis(500);

  private static final long DRAIN_MILLIS = 2_000;
  private static final String MARKER = "XCT_SHELL_STEP";

  private final ShellConfig config;
  private final BubblewrapCommand sandbox;

  /** Creates a runner for {@code config}. */
  public ProcessRunner(ShellConfig config) {
    this.config = config;
    this.sandbox = config.sandbox().map(settings -> new BubblewrapCommand(config)).orElse(null);
  }

  /**
   * Starts {@link #run} on a pooled thread, for a caller that has another command to run meanwhile;
   * the future never completes exceptionally for run problems.
   */
  public CompletableFuture<Result> runAsync(PreparedCommand command, ToolContext context) {
    return CompletableFuture.supplyAsync(() -> run(command, context), IoThreads::run);
  }

  /** Runs {@code command} within the limits of {@code context}; never throws for run problems. */
  public Result run(PreparedCommand command, ToolContext context) {
    String program = command.modelArgv().get(0);
    if (context.isCancelled()) {
      return Result.failure(ErrorCodes.CANCELLED, "the run was cancelled before " + program);
    }
    Duration budget = context.remaining().minus(GRACE);
    if (budget.compareTo(command.timeout()) > 0) {
      budget = command.timeout();
    }
    if (budget.isNegative() || budget.isZero()) {
      return Result.failure(
          ShellErrorCodes.COMMAND_TIMEOUT,
          "no time is left before the step's deadline to run " + program,
          Map.of("timeout_ms", 0));
    }
    if (sandbox != null) {
      return start(command, context, budget, Path.of(BubblewrapCommand.HOME));
    }
    try (PrivateHome home = PrivateHome.create()) {
      return start(command, context, budget, home.path());
    } catch (IOException e) {
      LOG.warn("cannot prepare a home directory for {}", program, e);
      return Result.failure(
          ShellErrorCodes.COMMAND_START_FAILED, "cannot prepare the environment for " + program);
    }
  }

  private Result start(PreparedCommand command, ToolContext context, Duration budget, Path home) {
    String program = command.modelArgv().get(0);
    ProcessBuilder builder = new ProcessBuilder(osCommand(command));
    builder.directory(command.directory().toFile());
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.putAll(environment(command, home));
    String marker = null;
    if (sandbox == null) {
      marker = MARKER + "=" + UUID.randomUUID();
      environment.put(MARKER, marker.substring(MARKER.length() + 1));
    }
    long startNanos = System.nanoTime();
    ProcMark mark = sandbox == null ? ProcMark.now() : ProcMark.UNKNOWN;
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      LOG.warn("cannot start {}", command.command().get(0), e);
      return Result.failure(
          ShellErrorCodes.COMMAND_START_FAILED,
          "cannot start " + program + ": " + e.getMessage(),
          Map.of("program", program));
    }
    TreeKill killer =
        sandbox != null
            ? new NamespaceKill(process)
            : new ProcessTreeKiller(process.toHandle(), marker, mark);
    OutputCapture stdout = OutputCapture.start(process.getInputStream(), config.maxOutputBytes());
    OutputCapture stderr = OutputCapture.start(process.getErrorStream(), config.maxOutputBytes());
    feed(process, command);
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    context
        .cancellation()
        .onCancel(
            () -> {
              if (!finished.get()) {
                cancelled.set(true);
                killer.killAll();
              }
            });
    boolean exited;
    boolean interrupted = false;
    try {
      exited = process.waitFor(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      // Treated as cancellation; the flag is restored once the tree is dead and output collected.
      interrupted = true;
      cancelled.set(true);
      exited = false;
    }
    boolean clean = killer.killAll();
    finished.set(true);
    awaitQuietly(stdout, stderr);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    Integer exitCode = process.isAlive() ? null : process.exitValue();
    Outcome outcome =
        new Outcome(program, exitCode, millis, stdout, stderr, clean, budget.toMillis());
    if (cancelled.get()) {
      return outcome.failure(
          ErrorCodes.CANCELLED,
          "the run was cancelled; " + program + " and" + " every process it started were killed");
    }
    if (!exited) {
      return outcome.failure(
          ShellErrorCodes.COMMAND_TIMEOUT,
          program
              + " did not finish within "
              + budget.toMillis()
              + " ms; it and every process it"
              + " started were killed");
    }
    if (exitCode != null && exitCode == 0) {
      return Result.success(outcome.details());
    }
    return outcome.failure(
        ShellErrorCodes.COMMAND_FAILED, program + " exited with code " + exitCode);
  }

  private List<String> osCommand(PreparedCommand command) {
    return sandbox != null
        ? sandbox.wrap(command.command(), command.directory())
        : command.command();
  }

  private Map<String, String> environment(PreparedCommand command, Path home) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", config.pathVariable());
    environment.put("LANG", "C.UTF-8");
    environment.put("HOME", home.toString());
    environment.put("TMPDIR", home.toString());
    environment.putAll(config.environment());
    environment.putAll(command.environment());
    return environment;
  }

  private static void feed(Process process, PreparedCommand command) {
    if (command.stdin().isEmpty()) {
      closeQuietly(process.getOutputStream());
      return;
    }
    byte[] bytes = command.stdin().get().getBytes(StandardCharsets.UTF_8);
    IoThreads.run(
        () -> {
          try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(bytes);
          } catch (IOException e) {
            LOG.debug("the program did not read all of its stdin", e);
          }
        });
  }

  private static void closeQuietly(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      LOG.debug("closing stdin failed", e);
    }
  }

  private static void awaitQuietly(OutputCapture... captures) {
    for (OutputCapture capture : captures) {
      try {
        if (!capture.await(DRAIN_MILLIS)) {
          LOG.warn("an output pipe stayed open after the command's processes were killed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
