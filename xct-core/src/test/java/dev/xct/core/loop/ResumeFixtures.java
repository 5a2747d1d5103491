package dev.xct.core.loop;

import dev.xct.core.JsonValue;
import dev.xct.core.ModelClient;
import dev.xct.core.ModelReply;
import dev.xct.core.ModelRequest;
import dev.xct.core.event.RunEvent;
import dev.xct.core.journal.Journal;
import dev.xct.core.protocol.Result;
import dev.xct.core.tool.Tool;
import dev.xct.core.tool.ToolCall;
import dev.xct.core.tool.ToolContext;
import dev.xct.core.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Collaborators for resume tests: a model keyed by step number, counting tools, crashed journals.
 */
final class ResumeFixtures {
  private ResumeFixtures() {}

  /** Answers step n with reply n-1, whatever happened before, so a resumed run gets the same. */
  static final class ByStep implements ModelClient {
    private final List<String> replies;
    final List<ModelRequest> requests = new ArrayList<>();

    ByStep(String... replies) {
      this.replies = List.of(replies);
    }

    @Override
    public synchronized ModelReply next(ModelRequest request) {
      requests.add(request);
      return ModelReply.of(replies.get(request.step() - 1));
    }
  }

  /** A model that must not be called. */
  static ModelClient silent() {
    return request -> {
      throw new AssertionError("the model was called for step " + request.step());
    };
  }

  /** Counts executions; idempotent or not; offers a check when asked to. */
  static final class Counting implements Tool {
    final AtomicInteger executions = new AtomicInteger();
    private final ToolSpec spec;
    private final JsonValue check;

    Counting(String name, boolean idempotent, JsonValue check) {
      ToolSpec.Builder builder = ToolSpec.builder(name);
      if (idempotent) {
        builder.idempotent();
      }
      this.spec = builder.build();
      this.check = check;
    }

    @Override
    public ToolSpec spec() {
      return spec;
    }

    @Override
    public Result execute(ToolCall call, ToolContext context) {
      return Result.success(Map.of("count", executions.incrementAndGet()));
    }

    @Override
    public Optional<JsonValue> checkOutcome(ToolCall call, ToolContext context) {
      return Optional.ofNullable(check);
    }
  }

  /** Returns an in-memory journal holding the events before the first that {@code crash} picks. */
  static Journal crashedAt(List<RunEvent> events, Predicate<RunEvent> crash) {
    Journal journal = Journal.inMemory();
    for (RunEvent event : events) {
      if (crash.test(event)) {
        break;
      }
      journal.append(event);
    }
    return journal;
  }

  /** Picks the {@code type} event of step {@code step}. */
  static Predicate<RunEvent> at(Class<? extends RunEvent> type, int step) {
    return e -> type.isInstance(e) && e.step() == step;
  }
}
