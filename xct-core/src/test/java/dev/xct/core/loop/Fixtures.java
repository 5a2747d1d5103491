package dev.xct.core.loop;

import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Small real collaborators for loop tests: a scripted model, a file-writing tool, a clock. */
final class Fixtures {
  private Fixtures() {}

  /** A model that replays fixed replies and records requests; throws when it runs out. */
  static final class Script implements ModelClient {
    private final List<String> replies;
    final List<ModelRequest> requests = new ArrayList<>();

    Script(String... replies) {
      this.replies = List.of(replies);
    }

    @Override
    public synchronized ModelReply next(ModelRequest request) {
      requests.add(request);
      if (requests.size() > replies.size()) {
        throw new IllegalStateException("script exhausted after " + replies.size() + " replies");
      }
      return ModelReply.of(replies.get(requests.size() - 1));
    }
  }

  /** A model that never stops proposing the same reply. */
  static ModelClient forever(String reply) {
    return request -> ModelReply.of(reply);
  }

  /** Returns {@code events} without the step notices, which listeners get and journals do not. */
  static List<dev.xct.core.event.RunEvent> facts(List<dev.xct.core.event.RunEvent> events) {
    return events.stream()
        .filter(e -> !(e instanceof dev.xct.core.event.RunEvent.StepCompleted))
        .toList();
  }

  static String propose(String tool, String argumentsJson) {
    return "{\"next_step\":{\"tool\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}}";
  }

  static String done(String message) {
    return "{\"done\":true,\"message\":\"" + message + "\"}";
  }

  /** Writes {@code content} to {@code name} directly under {@code root}; counts executions. */
  static final class WriteFile implements Tool {
    final Path root;
    final AtomicInteger executions = new AtomicInteger();

    WriteFile(Path root) {
      this.root = root;
    }

    @Override
    public ToolSpec spec() {
      return ToolSpec.builder("files.write")
          .description("Write a new text file directly under the workspace.")
          .inputSchema(
              """
              {"type":"object","additionalProperties":false,"required":["name","content"],
               "properties":{"name":{"type":"string","pattern":"^[a-z0-9_.-]+$"},
                             "content":{"type":"string"}}}
              """)
          .build();
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      executions.incrementAndGet();
      String name = call.arguments().get("name").flatMap(v -> v.asString()).orElseThrow();
      String content = call.arguments().get("content").flatMap(v -> v.asString()).orElseThrow();
      Path target = root.resolve(name);
      if (Files.exists(target)) {
        return Result.failure("ALREADY_EXISTS", "file " + name + " already exists");
      }
      try {
        Files.writeString(target, content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return Result.failure("IO_ERROR", "could not write " + name);
      }
      return Result.success(Map.of("path", name, "bytes", content.length()));
    }
  }

  /** A clock that advances a fixed amount every time it is read: deterministic and moving. */
  static final class TickingClock extends Clock {
    private final Instant start;
    private final Duration tick;
    private final AtomicInteger reads = new AtomicInteger();

    TickingClock(Instant start, Duration tick) {
      this.start = start;
      this.tick = tick;
    }

    @Override
    public Instant instant() {
      return start.plus(tick.multipliedBy(reads.getAndIncrement()));
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
