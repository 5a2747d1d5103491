package dev.xct.cli.internal.console;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows a spinner and the time spent while a real model thinks, on the terminal's error stream, and
 * clears it when the reply arrives. Does nothing without a terminal, so logs and pipes stay clean.
 *
 * <p>Thread-safe: wraps one model client for one run.
 */
public final class Progress implements ModelClient {
  private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
  private final ModelClient model;
  private final Console console;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "xct-progress");
            thread.setDaemon(true);
            return thread;
          });

  /** Wraps {@code model}, showing progress on {@code console} when it is interactive. */
  public Progress(ModelClient model, Console console) {
    this.model = model;
    this.console = console;
  }

  @Override
  public boolean honoursCancellation() {
    return model.honoursCancellation();
  }

  @Override
  public ModelReply next(ModelRequest request) {
    if (!console.interactive()) {
      return model.next(request);
    }
    long started = System.nanoTime();
    int[] frame = {0};
    ScheduledFuture<?> spinner =
        ticker.scheduleAtFixedRate(
            () -> {
              double seconds = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
              console
                  .err()
                  .status(
                      String.format(
                          "%c step %d: waiting for the model… %.1fs",
                          FRAMES.charAt(frame[0]++ % FRAMES.length()), request.step(), seconds));
            },
            0,
            100,
            TimeUnit.MILLISECONDS);
    try {
      return model.next(request);
    } finally {
      spinner.cancel(false);
      clear();
    }
  }

  /** Clears the line on the ticker's own thread, so that no late frame is drawn after it. */
  private void clear() {
    try {
      ticker.submit(() -> console.err().clearStatus()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot clear the progress line", e.getCause());
    }
  }
}
