package dev.xct.temporal;

import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A non-idempotent tool with a real side effect: each execution appends a line to a file, so the
 * test counts executions on disk, across workers. Optionally it then blocks until released or
 * interrupted, and can return a result of a given size.
 */
final class FileTool implements Tool {
  static final String NAME = "file.append";

  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch release = new CountDownLatch(1);
  private final Path file;
  private final boolean block;
  private final int resultChars;
  private final ToolSpec spec;

  private FileTool(Path file, boolean block, int resultChars, Duration timeout) {
    this.file = file;
    this.block = block;
    this.resultChars = resultChars;
    ToolSpec.Builder spec =
        ToolSpec.builder(NAME)
            .description("appends a line to the test's file")
            .inputSchema("{\"type\":\"object\",\"additionalProperties\":false}");
    this.spec = (timeout == null ? spec : spec.timeout(timeout)).build();
  }

  static FileTool appending(Path file) {
    return new FileTool(file, false, 2, null);
  }

  static FileTool blocking(Path file, Duration timeout) {
    return new FileTool(file, true, 2, timeout);
  }

  static FileTool answering(Path file, int resultChars) {
    return new FileTool(file, false, resultChars, null);
  }

  static int executions(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public Result execute(ToolCall call, ToolContext context) {
    try {
      Files.write(
          file,
          List.of("ran in step " + context.step()),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    started.countDown();
    if (block) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.failure("INTERRUPTED", "the tool was interrupted");
      }
    }
    return Result.success(Map.of("text", "x".repeat(resultChars)));
  }
}
